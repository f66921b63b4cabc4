package org.aibase.plugin.analytics.internal.frame;

/** A column's type, named as pandas names its dtype. */
public enum DType {
    INT64("int64"), UINT64("uint64"), FLOAT64("float64"), BOOL("bool"), OBJECT("object");

    private final String pandasName;

    DType(String pandasName) {
        this.pandasName = pandasName;
    }

    /** The name pandas prints for this dtype. */
    public String pandasName() {
        return pandasName;
    }

    /** Whether pandas' {@code select_dtypes(include=[np.number])} selects it. */
    public boolean numeric() {
        return this == INT64 || this == UINT64 || this == FLOAT64;
    }
}
