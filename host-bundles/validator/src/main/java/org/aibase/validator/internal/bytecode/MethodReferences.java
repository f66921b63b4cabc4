package org.aibase.validator.internal.bytecode;

import org.aibase.validator.internal.bytecode.Reference.Use;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Reads one method for the {@link PluginClassReader}: calls, field accesses, types it creates, casts,
 * tests or catches, constants that name classes or members, invokedynamic and constant-dynamic
 * bootstraps with their arguments, and its run-time annotations.
 */
final class MethodReferences extends MethodVisitor {

    private final PluginClassReader reader;
    private final String name;
    private final String site;

    MethodReferences(PluginClassReader reader, String name, String site) {
        super(Opcodes.ASM9);
        this.reader = reader;
        this.name = name;
        this.site = site;
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
        reader.elementWithDefault(name);
        return new AnnotationElements(reader, "", site);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return reader.annotation(descriptor, visible, site);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
        return reader.annotation(descriptor, visible, site);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return reader.annotation(descriptor, visible, site);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String member, String descriptor, boolean isInterface) {
        reader.add(Use.CALL, owner, member, descriptor, site);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String member, String descriptor) {
        reader.add(Use.FIELD, owner, member, descriptor, site);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode != Opcodes.NEW) { // new X is judged by the constructor it calls
            reader.addType(Use.TYPE, Type.getObjectType(type), site);
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        reader.addType(Use.TYPE, Type.getType(descriptor), site);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type != null) {
            reader.add(Use.TYPE, type, "", "", site);
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        constant(value);
    }

    @Override
    public void visitInvokeDynamicInsn(String member, String descriptor, Handle bootstrap, Object... arguments) {
        dynamic(bootstrap, arguments);
    }

    private void dynamic(Handle bootstrap, Object[] arguments) {
        reader.add(Use.BOOTSTRAP, bootstrap.getOwner(), bootstrap.getName(), bootstrap.getDesc(), site);
        for (Object argument : arguments) {
            constant(argument);
        }
    }

    private void constant(Object value) {
        if (value instanceof String text) {
            reader.addQuery(text, site);
        } else if (value instanceof Type type && type.getSort() != Type.METHOD) {
            reader.addType(Use.LITERAL, type, site);
        } else if (value instanceof Handle handle) {
            handle(handle);
        } else if (value instanceof ConstantDynamic dynamic) {
            Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = dynamic.getBootstrapMethodArgument(i);
            }
            dynamic(dynamic.getBootstrapMethod(), arguments);
        }
    }

    // method references (Runtime.getRuntime()::exec, Thread::new) are handles among a lambda's arguments
    private void handle(Handle handle) {
        switch (handle.getTag()) {
            case Opcodes.H_GETFIELD, Opcodes.H_GETSTATIC, Opcodes.H_PUTFIELD, Opcodes.H_PUTSTATIC ->
                    reader.add(Use.FIELD, handle.getOwner(), handle.getName(), handle.getDesc(), site);
            default -> reader.add(Use.CALL, handle.getOwner(), handle.getName(), handle.getDesc(), site);
        }
    }
}
