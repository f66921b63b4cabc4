package org.aibase.validator.internal.bytecode;

import org.aibase.validator.internal.bytecode.Reference.Use;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads an annotation's elements for the {@link PluginClassReader}: each element set is a member of
 * the annotation type, and the values may name classes ({@code X.class}) and enum constants.
 */
final class AnnotationElements extends AnnotationVisitor {

    private final PluginClassReader reader;
    private final String type;
    private final String site;

    /** Reads the elements of an annotation of the given type; an empty type records no element (a default value). */
    AnnotationElements(PluginClassReader reader, String type, String site) {
        super(Opcodes.ASM9);
        this.reader = reader;
        this.type = type;
        this.site = site;
    }

    private void element(String name) {
        // ASM reports array entries and default values without an element name
        if (name != null && !type.isEmpty()) {
            reader.add(Use.ANNOTATION_ELEMENT, type, name, "", site);
        }
    }

    @Override
    public void visit(String name, Object value) {
        element(name);
        if (value instanceof Type literal) {
            reader.addType(Use.LITERAL, literal, site);
        } else if (value instanceof String text) {
            reader.addQuery(text, site); // @NamedQuery(query = "...")
        }
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
        element(name);
        reader.add(Use.FIELD, Type.getType(descriptor).getInternalName(), value, descriptor, site);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String descriptor) {
        element(name);
        return reader.annotation(descriptor, true, site);
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
        element(name);
        return new AnnotationElements(reader, type, site);
    }
}
