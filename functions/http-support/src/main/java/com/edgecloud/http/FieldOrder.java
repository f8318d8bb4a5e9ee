package com.edgecloud.http;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a field path such as {@code disks[1].count} stands in its record: the order fields are declared in. */
final class FieldOrder {

    static final Comparator<List<Integer>> RANKS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private FieldOrder() {
    }

    static List<Integer> rank(Class<?> root, String field) {
        List<Integer> rank = new ArrayList<>();
        Argument<?> type = Argument.of(root);
        for (String part : field.split("\\.|(?=\\[)")) {
            if (part.startsWith("[")) {
                rank.add(Integer.parseInt(part.substring(1, part.length() - 1)));
                type = type.getTypeParameters().length == 1 ? type.getTypeParameters()[0] : Argument.OBJECT_ARGUMENT;
                continue;
            }
            if (Map.class.isAssignableFrom(type.getType())) {
                rank.add(0); // entries of a map keep the order they were given in
                type = type.getTypeParameters().length == 2 ? type.getTypeParameters()[1] : Argument.OBJECT_ARGUMENT;
                continue;
            }
            Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(type.getType());
            if (introspection.isEmpty()) {
                break;
            }
            int index = 0;
            Argument<?> next = Argument.OBJECT_ARGUMENT;
            for (BeanProperty<?, Object> property : ((BeanIntrospection<Object>) introspection.get()).getBeanProperties()) {
                if (property.getName().equals(part)) {
                    next = property.asArgument();
                    break;
                }
                index++;
            }
            rank.add(index);
            type = next;
        }
        return rank;
    }
}
