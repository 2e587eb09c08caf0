package org.oneneuron.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects ONNX nodes, constant tensors (initializers), inputs and outputs, and writes them as an
 * ONNX GraphProto (field numbers from onnx.proto: node 1, name 2, initializer 5, doc_string 10,
 * input 11, output 12). Every tensor is float32 except where noted.
 */
final class OnnxGraphWriter {

    /** TensorProto.DataType.FLOAT. */
    static final int FLOAT = 1;
    /** TensorProto.DataType.INT64. */
    static final int INT64 = 7;

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int counter;

    /** A fresh tensor name with the given stem, unique in the graph. */
    String fresh(String stem) {
        return stem + "_" + (counter++);
    }

    /** A float32 constant of the given shape; returns its name. */
    String constant(String stem, float[] values, long... dims) {
        String name = fresh(stem);
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);                       // dims
        }
        t.varint(2, FLOAT);                        // data_type
        t.string(8, name);                         // name
        t.bytes(9, ProtoWriter.littleEndian(values)); // raw_data
        initializers.add(t);
        return name;
    }

    /** An int64 vector constant (a Reshape's target shape); returns its name. */
    String longs(String stem, long... values) {
        String name = fresh(stem);
        ProtoWriter t = new ProtoWriter().varint(1, values.length).varint(2, INT64).string(8, name)
                .bytes(9, ProtoWriter.littleEndian(values));
        initializers.add(t);
        return name;
    }

    /** A scalar float32 constant (shape [], broadcast by the element-wise operators). */
    String scalar(String stem, float value) {
        return constant(stem, new float[] {value});
    }

    /**
     * A node {@code op(inputs) -> output} in the default domain.
     *
     * @param attributes already encoded AttributeProto messages
     */
    String node(String op, String output, List<String> in, ProtoWriter... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String i : in) {
            n.string(1, i);                        // input
        }
        n.string(2, output);                       // output
        n.string(3, op + "_" + output);            // name
        n.string(4, op);                           // op_type
        for (ProtoWriter a : attributes) {
            n.message(5, a);                       // attribute
        }
        nodes.add(n);
        return output;
    }

    /** An INT attribute (AttributeProto name 1, i 3, type 20 = INT). */
    static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
    }

    /** An INTS attribute (AttributeProto name 1, ints 8, type 20 = INTS). */
    static ProtoWriter intsAttribute(String name, long... values) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, 7);
    }

    /** A FLOAT attribute (AttributeProto name 1, f 2, type 20 = FLOAT). */
    static ProtoWriter floatAttribute(String name, float value) {
        return new ProtoWriter().string(1, name).fixed32(2, value).varint(20, 1);
    }

    /** A graph input of shape [N, dim] (N symbolic). */
    void input(String name, long dim) {
        inputs.add(valueInfo(name, dim, FLOAT));
    }

    /** A float32 graph output of shape [N, dim] (N symbolic). */
    void output(String name, long dim) {
        output(name, dim, FLOAT);
    }

    /** A graph output of shape [N, dim] (N symbolic) and element type {@code type} ({@link #FLOAT}, {@link #INT64}). */
    void output(String name, long dim, int type) {
        outputs.add(valueInfo(name, dim, type));
    }

    /** ValueInfoProto: name 1, type 2 = TypeProto{tensor_type 1 = {elem_type 1, shape 2}}. */
    private static ProtoWriter valueInfo(String name, long dim, int type) {
        ProtoWriter shape = new ProtoWriter()
                .message(1, new ProtoWriter().string(2, "N"))    // dim { dim_param }
                .message(1, new ProtoWriter().varint(1, dim));   // dim { dim_value }
        ProtoWriter tensor = new ProtoWriter().varint(1, type).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }

    /** The GraphProto. */
    ProtoWriter graph(String name, String doc) {
        ProtoWriter g = new ProtoWriter();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        g.string(10, doc);
        inputs.forEach(i -> g.message(11, i));
        outputs.forEach(o -> g.message(12, o));
        return g;
    }
}
