package org.aibase.plugin.analytics.internal.frame;

/** One typed column of a {@link DataFrame}. */
public sealed interface Column permits NumericColumn, BoolColumn, ObjectColumn {

    /** The column's name. */
    String name();

    /** Its pandas dtype. */
    DType dtype();

    /** Its number of rows. */
    int rows();

    /** How many of its cells pandas' {@code isnull()} counts. */
    int missing();

    /**
     * A number that is equal for two rows exactly when pandas' {@code duplicated()} sees equal cells:
     * missing cells are equal to each other, {@code -0.0} equals {@code 0.0}.
     */
    long rowKey(int row);
}
