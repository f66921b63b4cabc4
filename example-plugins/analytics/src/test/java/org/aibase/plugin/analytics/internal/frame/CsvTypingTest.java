package org.aibase.plugin.analytics.internal.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code pd.read_csv}'s dtypes and NA handling with its defaults (checked against pandas 1.5.3). */
class CsvTypingTest {

    private static DataFrame read(String csv) {
        return new CsvDatasetReader(new DatasetLimits(100, 20, 32_768, 16L << 20)).read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> dtypes(String csv) {
        List<String> types = new ArrayList<>();
        for (Column c : read(csv).columns()) {
            types.add(c.name() + ":" + c.dtype().pandasName() + ":" + c.missing());
        }
        return types;
    }

    @Test
    void typesFollowReadCsv() {
        assertEquals(List.of("a:int64:0", "b:float64:2", "c:bool:0", "d:object:1", "e:int64:0", "f:int64:0",
                "g:uint64:0", "h:float64:0", "i:float64:0", "j:bool:0", "k:float64:2"),
                dtypes("a,b,c,d,e,f,g,h,i,j,k\n1,,True,x,\"3\", 1 ,9223372036854775808,1e3,inf,TRUE,NA\n"
                        + "2,,False,,4,2,1,2,-Infinity,false,n/a\n"));
        assertEquals(List.of("a:object:1", "b:object:0", "a.1:float64:1"), dtypes("a,b,a\n1,x,2\n,y,3\n\n\"q\"\"u\",z\n"));
        assertEquals(List.of("a:int64:0", "b:object:8"), dtypes("a,b\n1,None\n2,nan\n3,-nan\n4,<NA>\n5,#N/A\n6,NULL\n7,1.#IND\n8,null\n9,\"\"\n"));
        assertEquals(List.of("a:object:0"), dtypes("a\n99999999999999999999999\n1\n"));
        assertEquals(List.of("a:object:0"), dtypes("a\n 1.5e\n2\n"));
        assertEquals(List.of("a:object:1"), dtypes("a\nTrue\nNA\n"));
        assertEquals(List.of("a:float64:0"), dtypes("a\n.5\n1.\n"));
        assertEquals(List.of("a:int64:0", "Unnamed: 1:int64:0"), dtypes("\uFEFFa,\r\n1,2\r\n"));
    }

    @Test
    void quotedFieldsKeepCommasAndNewlines() {
        ObjectColumn c = (ObjectColumn) read("t,n\n\"a,b\",1\n\"line\nbreak\",2\n").columns().get(0);
        assertEquals(List.of("a,b", "line\nbreak"), c.values());
    }

    @Test
    void refusesNamingTheLine() {
        DatasetException wide = assertThrows(DatasetException.class, () -> read("a,b\n1,2\n1,2,3\n"));
        assertEquals("line 3", wide.field());
        DatasetException open = assertThrows(DatasetException.class, () -> read("a\n\"never closed\n"));
        assertEquals("invalid_csv", open.code());
        assertEquals("empty_records", assertThrows(DatasetException.class, () -> read("a,b\n")).code());
    }
}
