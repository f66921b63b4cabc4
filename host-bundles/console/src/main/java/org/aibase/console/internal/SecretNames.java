package org.aibase.console.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Which configuration properties are secrets: every attribute a metatype declares {@code PASSWORD}
 * (the platform marks its keys and passwords so), and any property whose name says it is one (a
 * plugin's {@code api_key} in {@code plugin.yaml} has no metatype).
 */
final class SecretNames {

    private static final Pattern SECRET_LOOKING = Pattern.compile(".*(password|secret|token|api[._]?keys?|credential).*");

    private final Set<String> declared;

    SecretNames(Set<String> declared) {
        this.declared = Set.copyOf(declared);
    }

    /** Whether a property's name alone marks it as a secret. */
    static boolean looksSecret(String name) {
        return SECRET_LOOKING.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The secrets the bundles' metatypes declare, read now (metatypes come and go with bundles). */
    static SecretNames declaredBy(MetaTypeService metatype, Bundle[] bundles) {
        Set<String> names = new HashSet<>();
        for (Bundle bundle : bundles) {
            MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
            if (information == null) {
                continue;
            }
            addPasswords(information, information.getPids(), names);
            addPasswords(information, information.getFactoryPids(), names);
        }
        return new SecretNames(names);
    }

    boolean isSecret(String name) {
        return declared.contains(name) || looksSecret(name);
    }

    private static void addPasswords(MetaTypeInformation information, String[] pids, Set<String> names) {
        for (String pid : pids == null ? new String[0] : pids) {
            ObjectClassDefinition definition;
            try {
                definition = information.getObjectClassDefinition(pid, null);
            } catch (IllegalArgumentException noDefinition) {
                continue;
            }
            AttributeDefinition[] attributes = definition == null ? null
                    : definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
            for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
                if (attribute.getType() == AttributeDefinition.PASSWORD) {
                    names.add(attribute.getID());
                }
            }
        }
    }
}
