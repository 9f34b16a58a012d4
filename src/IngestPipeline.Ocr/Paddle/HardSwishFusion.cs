using System.Buffers;
using System.Buffers.Binary;
using static IngestPipeline.Ocr.Paddle.ProtobufMessage;

namespace IngestPipeline.Ocr.Paddle;

/// <summary>
/// Rewrites an ONNX model's hard-swish activations into fewer passes. PaddleOCR's export writes each as four
/// element-wise nodes, x · clip(x + 3, 0, 6) / 6, and ONNX Runtime runs each as a pass over the feature map (a quarter
/// of PP-OCRv4's recognition time on this CPU); as x · HardSigmoid(x) with alpha 1/6 and beta 1/2 it is two passes
/// with the same values. Only the model's graph changes, in memory: the file and its checksum stay as published.
/// </summary>
internal static class HardSwishFusion
{
    // Field numbers of onnx.proto: ModelProto.graph; GraphProto.node and .output; NodeProto's fields; AttributeProto's; TensorProto's.
    private const int ModelGraph = 7, GraphNode = 1, GraphOutput = 12, ValueInfoName = 1;
    private const int NodeInput = 1, NodeOutput = 2, NodeName = 3, NodeOpType = 4, NodeAttribute = 5;
    private const int AttributeName = 1, AttributeFloat = 2, AttributeTensor = 5, AttributeType = 20, AttributeTypeFloat = 1;
    private const int TensorDims = 1, TensorDataType = 2, TensorFloatData = 4, TensorRawData = 9, TensorFloat = 1;

    /// <summary>The model with every hard-swish of that form rewritten, and how many were.</summary>
    public static (byte[] Model, int Fused) Rewrite(byte[] model)
    {
        var modelFields = Parse(model);
        int graphAt = modelFields.FindIndex(f => f.Number == ModelGraph && f.WireType == ProtobufField.LengthDelimited);
        if (graphAt < 0) return (model, 0);
        var graphFields = Parse(modelFields[graphAt].Value);
        var nodes = graphFields.Where(f => f.Number == GraphNode).Select(Node.Read).ToList();

        var producer = nodes.SelectMany(n => n.Outputs.Select(o => (o, n))).GroupBy(p => p.o).ToDictionary(g => g.Key, g => g.First().n);
        var graphOutputs = graphFields.Where(f => f.Number == GraphOutput)
            .Select(f => Parse(f.Value).FirstOrDefault(v => v.Number == ValueInfoName).Text).ToHashSet();
        var uses = nodes.SelectMany(n => n.Inputs).Concat(graphOutputs).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        bool UsedOnce(Node node) => node.Outputs.Count == 1 && uses.GetValueOrDefault(node.Outputs[0]) == 1;
        float? Scalar(string name) => producer.GetValueOrDefault(name) is { OpType: "Constant" } constant ? constant.ScalarValue() : null;

        var replaced = new Dictionary<Node, byte[][]>();
        var removed = new HashSet<Node>();
        foreach (var div in nodes.Where(n => n is { OpType: "Div", Inputs.Count: 2 } && Scalar(n.Inputs[1]) == 6))
        {
            if (producer.GetValueOrDefault(div.Inputs[0]) is not { OpType: "Mul", Inputs.Count: 2 } mul || !UsedOnce(mul)) continue;
            foreach (var (x, clipped) in new[] { (mul.Inputs[0], mul.Inputs[1]), (mul.Inputs[1], mul.Inputs[0]) })
            {
                if (producer.GetValueOrDefault(clipped) is not { OpType: "Clip" } clip || !UsedOnce(clip) || clip.ClipRange(Scalar) != (0, 6)) continue;
                if (producer.GetValueOrDefault(clip.Inputs[0]) is not { OpType: "Add", Inputs.Count: 2 } add || !UsedOnce(add)) continue;
                if (!(add.Inputs[0] == x && Scalar(add.Inputs[1]) == 3 || add.Inputs[1] == x && Scalar(add.Inputs[0]) == 3)) continue;
                string sigmoid = div.Outputs[0] + ".hard_sigmoid";
                replaced[div] =
                [
                    NewNode(div.Name + ".hard_sigmoid", "HardSigmoid", [x], [sigmoid], ("alpha", 1f / 6), ("beta", 0.5f)),
                    NewNode(div.Name + ".hard_swish", "Mul", [x, sigmoid], [div.Outputs[0]]),
                ];
                removed.UnionWith([add, clip, mul]);
                foreach (var input in new[] { div, mul, clip, add }.SelectMany(n => n.Inputs)) uses[input]--;
                uses[x] += 2;
                break;
            }
        }
        if (replaced.Count == 0) return (model, 0);
        // The constants 3 and 6 that only the rewritten nodes read go too.
        removed.UnionWith(nodes.Where(n => n.OpType == "Constant" && n.Outputs.All(o => uses.GetValueOrDefault(o) == 0)));

        var graph = new ArrayBufferWriter<byte>(graphFields.Sum(f => f.Encoded.Length));
        int nodeIndex = 0;
        foreach (var field in graphFields)
        {
            if (field.Number != GraphNode) { graph.Write(field.Encoded.Span); continue; }
            var node = nodes[nodeIndex++];
            if (replaced.TryGetValue(node, out var instead)) foreach (var n in instead) WriteBytes(graph, GraphNode, n);
            else if (!removed.Contains(node)) graph.Write(field.Encoded.Span);
        }
        var rewritten = new ArrayBufferWriter<byte>(model.Length);
        for (int i = 0; i < modelFields.Count; i++)
            if (i == graphAt) WriteBytes(rewritten, ModelGraph, graph.WrittenSpan);
            else rewritten.Write(modelFields[i].Encoded.Span);
        return (rewritten.WrittenSpan.ToArray(), replaced.Count);
    }

    private static byte[] NewNode(string name, string opType, string[] inputs, string[] outputs, params (string Name, float Value)[] attributes)
    {
        var node = new ArrayBufferWriter<byte>();
        foreach (var input in inputs) WriteString(node, NodeInput, input);
        foreach (var output in outputs) WriteString(node, NodeOutput, output);
        WriteString(node, NodeName, name);
        WriteString(node, NodeOpType, opType);
        foreach (var (attributeName, value) in attributes)
        {
            var attribute = new ArrayBufferWriter<byte>();
            WriteString(attribute, AttributeName, attributeName);
            WriteFloat(attribute, AttributeFloat, value);
            WriteVarintField(attribute, AttributeType, AttributeTypeFloat);
            WriteBytes(node, NodeAttribute, attribute.WrittenSpan);
        }
        return node.WrittenSpan.ToArray();
    }

    /// <summary>A node of the graph, read as far as the rewrite needs.</summary>
    private sealed class Node
    {
        public required string Name { get; init; }
        public required string OpType { get; init; }
        public required List<string> Inputs { get; init; }
        public required List<string> Outputs { get; init; }
        public required List<List<ProtobufField>> Attributes { get; init; }

        public static Node Read(ProtobufField field)
        {
            var fields = Parse(field.Value);
            return new Node
            {
                Name = fields.FirstOrDefault(f => f.Number == NodeName).Text,
                OpType = fields.FirstOrDefault(f => f.Number == NodeOpType).Text,
                Inputs = [.. fields.Where(f => f.Number == NodeInput).Select(f => f.Text)],
                Outputs = [.. fields.Where(f => f.Number == NodeOutput).Select(f => f.Text)],
                Attributes = [.. fields.Where(f => f.Number == NodeAttribute).Select(f => Parse(f.Value))],
            };
        }

        private List<ProtobufField>? Attribute(string name) =>
            Attributes.FirstOrDefault(a => a.Any(f => f.Number == AttributeName && f.Text == name));

        /// <summary>A Clip's bounds: attributes up to opset 10, inputs from 11.</summary>
        public (float?, float?) ClipRange(Func<string, float?> scalar)
        {
            float? Bound(string name, int input) =>
                Attribute(name)?.FirstOrDefault(f => f.Number == AttributeFloat) is { WireType: ProtobufField.Fixed32 } value ? value.Float
                : Inputs.Count > input && Inputs[input].Length > 0 ? scalar(Inputs[input]) : null;
            return (Bound("min", 1), Bound("max", 2));
        }

        /// <summary>A Constant's value when it is a single 32-bit float.</summary>
        public float? ScalarValue()
        {
            if (Attribute("value")?.FirstOrDefault(f => f.Number == AttributeTensor) is not { WireType: ProtobufField.LengthDelimited } tensorField) return null;
            var tensor = Parse(tensorField.Value);
            bool isFloat = tensor.Any(f => f.Number == TensorDataType && f.WireType == ProtobufField.Varint && f.Value.Span[0] == TensorFloat);
            bool single = tensor.Where(f => f.Number == TensorDims).All(f => f.Value.Length == 1 && f.Value.Span[0] == 1);
            if (!isFloat || !single) return null;
            var data = tensor.FirstOrDefault(f => f.Number is TensorRawData or TensorFloatData && f.WireType == ProtobufField.LengthDelimited);
            return data.Value.Length == 4 ? BinaryPrimitives.ReadSingleLittleEndian(data.Value.Span) : null;
        }
    }
}
