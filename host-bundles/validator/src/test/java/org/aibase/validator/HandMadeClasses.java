package org.aibase.validator;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files javac would never write, made with ASM for the tests that need them. */
final class HandMadeClasses {

    private static final String BOOT_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";

    private HandMadeClasses() {
    }

    /**
     * A class whose {@code run()} makes an invokedynamic call with a bootstrap method of its own,
     * {@code boot}: such a bootstrap may link the call site to any method handle it can build.
     */
    static byte[] ownBootstrap(String name) {
        ClassWriter writer = begin(name);
        // the bootstrap: its body does not matter to the verifier, its being named as one does
        MethodVisitor boot = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "boot", BOOT_DESCRIPTOR, null, null);
        boot.visitCode();
        boot.visitInsn(Opcodes.ACONST_NULL);
        boot.visitInsn(Opcodes.ARETURN);
        boot.visitMaxs(0, 0);
        boot.visitEnd();

        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        run.visitCode();
        run.visitInvokeDynamicInsn("escape", "()V", new Handle(Opcodes.H_INVOKESTATIC, name, "boot", BOOT_DESCRIPTOR, false));
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return end(writer);
    }

    /** A class of the given name declaring an empty static method: a stand-in for a JDK or library class. */
    static byte[] impostor(String name, String method, String descriptor) {
        ClassWriter writer = begin(name);
        MethodVisitor body = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, method, descriptor, null, null);
        body.visitCode();
        body.visitInsn(descriptor.endsWith(")V") ? Opcodes.RETURN : Opcodes.ARETURN);
        body.visitMaxs(1, 1);
        body.visitEnd();
        return end(writer);
    }

    private static ClassWriter begin(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        return writer;
    }

    private static byte[] end(ClassWriter writer) {
        writer.visitEnd();
        return writer.toByteArray();
    }
}
