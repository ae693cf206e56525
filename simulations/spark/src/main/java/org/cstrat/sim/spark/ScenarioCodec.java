package org.cstrat.sim.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.cstrat.sim.model.Scenario;

/**
 * Scenarios as bytes for Spark's tasks, exactly: the model is made of records (numbers, strings, enums, lists, the
 * sealed {@code BillingModel}), which this codec walks by their components, doubles as their raw bits. The records are
 * not {@link java.io.Serializable} (the engine is a plain library), and JSON would be neither exact for every double
 * nor able to carry a resolved scenario of a firm. Decoding runs each record's canonical constructor, so a decoded
 * scenario is validated like any other. Both sides must run the same classes (the job ships its jar).
 */
final class ScenarioCodec {
    private static final int FORMAT = 1;

    private ScenarioCodec() {
    }

    static byte[] encode(Scenario scenario) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            write(out, Scenario.class, scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Scenario decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("scenario bytes: format " + format + ", this codec reads " + FORMAT);
            }
            return (Scenario) read(in, Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Type type, Object value) throws IOException {
        Class<?> raw = rawClass(type);
        if (raw == int.class) {
            out.writeInt((Integer) value);
        } else if (raw == long.class) {
            out.writeLong((Long) value);
        } else if (raw == double.class) {
            out.writeLong(Double.doubleToRawLongBits((Double) value));
        } else if (raw == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (value == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            if (raw == String.class) {
                out.writeUTF((String) value);
            } else if (raw.isEnum()) {
                out.writeUTF(((Enum<?>) value).name());
            } else if (raw == List.class) {
                Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
                List<?> list = (List<?>) value;
                out.writeInt(list.size());
                for (Object o : list) {
                    write(out, element, o);
                }
            } else if (raw.isRecord()) {
                writeRecord(out, raw, value);
            } else if (raw.isInterface() && raw.isSealed() && value.getClass().isRecord()) {
                out.writeUTF(value.getClass().getName());
                writeRecord(out, value.getClass(), value);
            } else {
                throw new IllegalArgumentException("scenario bytes: cannot encode a " + type.getTypeName());
            }
        }
    }

    private static void writeRecord(DataOutputStream out, Class<?> type, Object value) throws IOException {
        for (RecordComponent c : type.getRecordComponents()) {
            try {
                write(out, c.getGenericType(), c.getAccessor().invoke(value));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("scenario bytes: cannot read " + type.getName() + "." + c.getName(), e);
            }
        }
    }

    private static Object read(DataInputStream in, Type type) throws IOException {
        Class<?> raw = rawClass(type);
        if (raw == int.class) {
            return in.readInt();
        } else if (raw == long.class) {
            return in.readLong();
        } else if (raw == double.class) {
            return Double.longBitsToDouble(in.readLong());
        } else if (raw == boolean.class) {
            return in.readBoolean();
        }
        if (!in.readBoolean()) {
            return null;
        }
        if (raw == String.class) {
            return in.readUTF();
        } else if (raw.isEnum()) {
            return enumValue(raw, in.readUTF());
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            int n = in.readInt();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(read(in, element));
            }
            return list;
        } else if (raw.isRecord()) {
            return readRecord(in, raw);
        } else if (raw.isInterface() && raw.isSealed()) {
            String name = in.readUTF();
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                if (permitted.getName().equals(name)) {
                    return readRecord(in, permitted);
                }
            }
            throw new IllegalArgumentException("scenario bytes: " + name + " is not a " + raw.getName());
        }
        throw new IllegalArgumentException("scenario bytes: cannot decode a " + type.getTypeName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object readRecord(DataInputStream in, Class<?> type) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = read(in, components[i].getGenericType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("scenario bytes: " + type.getSimpleName() + " refused its values: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("scenario bytes: no canonical constructor of " + type.getName(), e);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("scenario bytes: cannot handle the type " + type.getTypeName());
    }
}
