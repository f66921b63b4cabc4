package org.aibase.validator.internal.bytecode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aibase.validator.internal.bytecode.DeniedApi.Use;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds the uses of {@link DeniedApis} in one class file: calls, field accesses, {@code new},
 * method and constructor references (lambdas' {@code invokedynamic} arguments and constant
 * handles), superclass and interfaces. Only instructions are read: debug information and stack map
 * frames are skipped, which keeps the scan to a few microseconds per class.
 */
public final class ClassScanner {

    private ClassScanner() {
    }

    /**
     * The denied uses in the class, each (method, API) once, in the order they occur.
     *
     * @throws IllegalArgumentException when the bytes are not a class file ASM can read
     */
    public static List<ApiUse> scan(byte[] classFile) {
        try {
            ClassReader reader = new ClassReader(classFile);
            Collector collector = new Collector(reader.getClassName().replace('/', '.'));
            reader.accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return List.copyOf(collector.uses);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // a truncated or crafted class file makes ASM fail with index errors
            throw new IllegalArgumentException(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** The method as people read it: {@code run(String, int)}. */
    static String method(String name, String descriptor) {
        return name + "(" + Stream.of(Type.getArgumentTypes(descriptor)).map(ClassScanner::simpleName)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String simpleName(Type type) {
        String name = type.getClassName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String javaName(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    private static final class Collector extends ClassVisitor {

        private final String className;
        // a set: each (method, API) is reported once however often the method uses it
        private final Set<ApiUse> uses = new LinkedHashSet<>();

        Collector(String className) {
            super(Opcodes.ASM9);
            this.className = className;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            if (superName != null) {
                found("", Use.EXTENDS, superName, "", "", "extends " + javaName(superName));
            }
            for (String type : interfaces == null ? new String[0] : interfaces) {
                found("", Use.EXTENDS, type, "", "", "implements " + javaName(type));
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new Instructions(method(name, descriptor));
        }

        void found(String method, Use use, String owner, String member, String descriptor, String api) {
            Optional<DeniedApi> denied = DeniedApis.denying(use, owner, member, descriptor);
            denied.ifPresent(row -> uses.add(new ApiUse(className, method, api, row)));
        }

        /** Reads one method's instructions. */
        private final class Instructions extends MethodVisitor {

            private final String method;

            Instructions(String method) {
                super(Opcodes.ASM9);
                this.method = method;
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                call(owner, name, descriptor);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                found(method, Use.FIELD, owner, name, descriptor, javaName(owner) + "." + name);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                if (opcode == Opcodes.NEW) {
                    found(method, Use.NEW, type, "", "", "new " + javaName(type));
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                // method references (Runtime.getRuntime()::exec, Thread::new) are handles among the arguments
                for (Object argument : arguments) {
                    handle(argument);
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                handle(value);
            }

            private void handle(Object value) {
                if (!(value instanceof Handle handle)) {
                    return;
                }
                switch (handle.getTag()) {
                    case Opcodes.H_NEWINVOKESPECIAL -> {
                        found(method, Use.NEW, handle.getOwner(), "", "", "new " + javaName(handle.getOwner()));
                        call(handle.getOwner(), handle.getName(), handle.getDesc());
                    }
                    case Opcodes.H_GETFIELD, Opcodes.H_GETSTATIC, Opcodes.H_PUTFIELD, Opcodes.H_PUTSTATIC ->
                            found(method, Use.FIELD, handle.getOwner(), handle.getName(), handle.getDesc(),
                                    javaName(handle.getOwner()) + "." + handle.getName());
                    default -> call(handle.getOwner(), handle.getName(), handle.getDesc());
                }
            }

            private void call(String owner, String name, String descriptor) {
                String api = name.equals("<init>")
                        ? "new " + javaName(owner) + method("", descriptor)
                        : javaName(owner) + "." + name;
                found(method, Use.CALL, owner, name, descriptor, api);
            }
        }
    }
}
