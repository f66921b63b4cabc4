package org.aibase.validator.internal.bytecode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Collects a class's {@link TypeFacts} while ASM reads it; other visitors may read the same pass after it. */
class FactsVisitor extends ClassVisitor {

    private String name;
    private String superName;
    private final List<String> interfaces = new ArrayList<>();
    private final Set<String> methods = new HashSet<>();
    private final Set<String> fields = new HashSet<>();

    FactsVisitor() {
        super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.name = name;
        this.superName = superName;
        this.interfaces.addAll(interfaces == null ? List.of() : List.of(interfaces));
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        fields.add(name);
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        methods.add(name + descriptor);
        return null;
    }

    /** The facts read so far; call once ASM has read the class. */
    TypeFacts facts() {
        return new TypeFacts(name, superName, interfaces, methods, fields);
    }
}
