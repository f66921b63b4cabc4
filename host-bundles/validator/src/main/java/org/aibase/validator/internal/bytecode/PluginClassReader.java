package org.aibase.validator.internal.bytecode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aibase.validator.internal.bytecode.Reference.Use;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Reads a plugin class file in one pass: its facts and every reference it makes — instructions,
 * method handles, invokedynamic bootstraps, supertypes, and the annotations the JVM keeps at run
 * time (with their elements, enum constants and class values). Debug information and stack map
 * frames are skipped; annotations only the compiler and bnd see ({@code CLASS} retention) are
 * skipped too, as nothing can act on them at run time.
 */
public final class PluginClassReader extends FactsVisitor {

    private static final Pattern JPQL = Pattern.compile("\\s*(SELECT|UPDATE|DELETE)\\s", Pattern.CASE_INSENSITIVE);

    private final String location;
    private final Set<Reference> references = new LinkedHashSet<>();
    private final List<String> nativeMethods = new ArrayList<>();
    private final Set<String> elementsWithDefaults = new HashSet<>();
    private final Map<String, String> stringConstants = new HashMap<>();
    private boolean annotation;
    private boolean finalizer;

    private PluginClassReader(String location) {
        this.location = location;
    }

    /**
     * Reads one class file.
     *
     * @throws IllegalArgumentException when the bytes are not a class file ASM can read
     */
    public static PluginClass read(String location, byte[] classFile) {
        try {
            PluginClassReader reader = new PluginClassReader(location);
            new ClassReader(classFile).accept(reader, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return reader.result();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // a truncated or crafted class file makes ASM fail with index errors
            throw new IllegalArgumentException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /**
     * A reference's site as people read it: {@code run(String, int)} for a method (recorded as name and
     * descriptor), a field's name, or empty for the class itself.
     */
    static String site(String recorded) {
        int parenthesis = recorded.indexOf('(');
        return parenthesis < 0 ? recorded : method(recorded.substring(0, parenthesis), recorded.substring(parenthesis));
    }

    /** The method as people read it: {@code run(String, int)}. */
    static String method(String name, String descriptor) {
        return name + "(" + Stream.of(Type.getArgumentTypes(descriptor)).map(PluginClassReader::simpleName)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String simpleName(Type type) {
        String name = type.getClassName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Records that an annotation type's element has a default value. */
    void elementWithDefault(String element) {
        elementsWithDefaults.add(element);
    }

    private PluginClass result() {
        return new PluginClass(location, facts(), annotation, List.copyOf(references), nativeMethods, finalizer,
                elementsWithDefaults, stringConstants);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        super.visit(version, access, name, signature, superName, interfaces);
        annotation = (access & Opcodes.ACC_ANNOTATION) != 0;
        if (superName != null) {
            add(Use.EXTENDS, superName, "", "", "");
        }
        for (String type : interfaces == null ? new String[0] : interfaces) {
            add(Use.IMPLEMENTS, type, "", "", "");
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation(descriptor, visible, "");
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return annotation(descriptor, visible, "");
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        super.visitField(access, name, descriptor, signature, value);
        if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) != 0 && value instanceof String text) {
            stringConstants.put(name, text);
        }
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                return annotation(annotationDescriptor, visible, name);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotationDescriptor, boolean visible) {
                return annotation(annotationDescriptor, visible, name);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        super.visitMethod(access, name, descriptor, signature, exceptions);
        // the site as people read it is made only for what is refused: most references are allowed
        String site = name + descriptor;
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            nativeMethods.add(method(name, descriptor));
        }
        if (name.equals("finalize") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0) {
            finalizer = true;
        }
        return new MethodReferences(this, name, site);
    }

    /** Records a reference; array owners are {@code Object}'s members ({@code clone()} of an array). */
    void add(Use use, String owner, String name, String descriptor, String site) {
        String normalized = owner.startsWith("[") ? "java/lang/Object" : owner;
        references.add(new Reference(use, normalized, name, descriptor, site));
    }

    /** Records a string constant that reads as a JPQL statement: its functions are judged like API calls. */
    void addQuery(String text, String site) {
        if (JPQL.matcher(text).lookingAt()) {
            add(Use.QUERY, "", text, "", site);
        }
    }

    /** Records a type given as an internal name or an array descriptor; primitives refer to nothing. */
    void addType(Use use, Type type, String site) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
            add(use, element.getInternalName(), "", "", site);
        }
    }

    /** Records an annotation the JVM keeps at run time and returns the reader of its elements; others are skipped. */
    AnnotationVisitor annotation(String descriptor, boolean visible, String site) {
        if (!visible) {
            return null;
        }
        String type = Type.getType(descriptor).getInternalName();
        add(Use.ANNOTATION, type, "", "", site);
        return new AnnotationElements(this, type, site);
    }
}
