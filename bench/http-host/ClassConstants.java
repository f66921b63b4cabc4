import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Rewrites UTF-8 constants of a class file's constant pool; everything after the pool is copied as is. */
final class ClassConstants {

    private ClassConstants() {
    }

    /** The class file with every UTF-8 constant equal to {@code from} replaced by {@code to}. */
    static byte[] replaceUtf8(byte[] classFile, String from, String to) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 64);
        DataOutputStream out = new DataOutputStream(bytes);
        int magic = in.readInt();
        if (magic != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        out.writeInt(magic);
        out.writeInt(in.readInt()); // minor and major version
        int count = in.readUnsignedShort();
        out.writeShort(count);
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            out.writeByte(tag);
            switch (tag) {
                case 1 -> { // Utf8
                    String value = in.readUTF();
                    out.writeUTF(value.equals(from) ? to : value);
                }
                case 7, 8, 16, 19, 20 -> copy(in, out, 2); // Class, String, MethodType, Module, Package
                case 15 -> copy(in, out, 3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> copy(in, out, 4); // Integer, Float, refs, NameAndType, dynamic
                case 5, 6 -> { // Long, Double take two slots
                    copy(in, out, 8);
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at index " + index);
            }
        }
        in.transferTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static void copy(DataInputStream in, DataOutputStream out, int length) throws IOException {
        out.write(in.readNBytes(length));
    }
}
