package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class ConfigCommandTest {

    private static JsonNode json(String text) throws Exception {
        return RuntimeClient.JSON.readTree(text);
    }

    @Test
    void typesEachValueLikeTheKeysCurrentValue() throws Exception {
        JsonNode current = json("""
                {"audience":"world","max_points":10000,"threshold":0.5,"charts":true,"tags":["a","b"],"sizes":[1,2]}""");
        JsonNode changes = ConfigCommand.changes(List.of("audience=Grace Hopper", "max_points=5", "threshold=1",
                "charts=FALSE", "tags=x, y", "sizes=3,4", "unknown=7"), current);
        // compared as text: the number nodes' classes (int or long) do not matter on the wire
        assertEquals("""
                {"audience":"Grace Hopper","max_points":5,"threshold":1.0,"charts":false,"tags":["x","y"],"sizes":[3,4],"unknown":"7"}""",
                changes.toString());
    }

    @Test
    void sendsWhatDoesNotReadAsTheTypeAsTextForTheRuntimeToRefuseByItsRule() throws Exception {
        JsonNode current = json("{\"max_points\":10000,\"charts\":true,\"threshold\":0.5}");
        assertEquals(json("{\"max_points\":\"many\",\"charts\":\"yes\",\"threshold\":\"NaN\"}"),
                ConfigCommand.changes(List.of("max_points=many", "charts=yes", "threshold=NaN"), current));
        assertEquals("{\"max_points\":2.5}", ConfigCommand.changes(List.of("max_points=2.5"), current).toString());
    }

    @Test
    void anEmptyValueRestoresTheDefaultAndAJsonListIsTakenAsIs() throws Exception {
        JsonNode current = json("{\"audience\":\"world\",\"tags\":[\"a\"]}");
        assertEquals(json("{\"audience\":null,\"tags\":[\"x,y\",\"z\"]}"),
                ConfigCommand.changes(List.of("audience=", "tags=[\"x,y\",\"z\"]"), current));
    }

    @Test
    void refusesWhatIsNotAPairWithExitStatus2() {
        CommandFailure failure = assertThrows(CommandFailure.class,
                () -> ConfigCommand.changes(List.of("audience"), RuntimeClient.JSON.createObjectNode()));
        assertEquals(ExitStatus.USAGE, failure.status());
        assertEquals("'audience' is not a key=value pair (allowed: key=value to set, key= to restore the default)", failure.getMessage());
    }
}
