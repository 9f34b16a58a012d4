using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace IngestPipeline.Ocr.Paddle;

/// <summary>One field of a protocol-buffers message as it lies in the encoded bytes: its number, wire type, value and whole encoding.</summary>
internal readonly record struct ProtobufField(int Number, int WireType, ReadOnlyMemory<byte> Value, ReadOnlyMemory<byte> Encoded)
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    public string Text => Encoding.UTF8.GetString(Value.Span);

    public float Float => BinaryPrimitives.ReadSingleLittleEndian(Value.Span);
}

/// <summary>
/// Just enough of the protocol-buffers wire format to read an ONNX model's fields and write some of them again: a
/// field is kept as its encoded bytes, so what is not rewritten is copied as it was.
/// </summary>
internal static class ProtobufMessage
{
    public static List<ProtobufField> Parse(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtobufField>();
        var span = message.Span;
        for (int position = 0; position < span.Length;)
        {
            int start = position;
            ulong tag = ReadVarint(span, ref position);
            int wireType = (int)(tag & 7), valueStart = position;
            switch (wireType)
            {
                case ProtobufField.Varint: ReadVarint(span, ref position); break;
                case ProtobufField.Fixed64: position += 8; break;
                case ProtobufField.Fixed32: position += 4; break;
                case ProtobufField.LengthDelimited:
                    int length = checked((int)ReadVarint(span, ref position));
                    valueStart = position;
                    position += length;
                    break;
                default: throw new InvalidDataException($"unsupported protocol-buffers wire type {wireType} at byte {start}");
            }
            if (position > span.Length) throw new InvalidDataException($"a protocol-buffers field at byte {start} runs past the message's end");
            fields.Add(new ProtobufField((int)(tag >> 3), wireType, message[valueStart..position], message[start..position]));
        }
        return fields;
    }

    public static void WriteBytes(IBufferWriter<byte> output, int number, ReadOnlySpan<byte> value)
    {
        WriteVarint(output, (ulong)number << 3 | ProtobufField.LengthDelimited);
        WriteVarint(output, (ulong)value.Length);
        output.Write(value);
    }

    public static void WriteString(IBufferWriter<byte> output, int number, string value) => WriteBytes(output, number, Encoding.UTF8.GetBytes(value));

    public static void WriteFloat(IBufferWriter<byte> output, int number, float value)
    {
        WriteVarint(output, (ulong)number << 3 | ProtobufField.Fixed32);
        BinaryPrimitives.WriteSingleLittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    public static void WriteVarintField(IBufferWriter<byte> output, int number, ulong value)
    {
        WriteVarint(output, (ulong)number << 3 | ProtobufField.Varint);
        WriteVarint(output, value);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= span.Length) throw new InvalidDataException("a protocol-buffers varint runs past the message's end");
            byte b = span[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("a protocol-buffers varint is longer than ten bytes");
    }

    private static void WriteVarint(IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        int length = 0;
        for (; value >= 0x80; value >>= 7) span[length++] = (byte)(value | 0x80);
        span[length++] = (byte)value;
        output.Advance(length);
    }
}
