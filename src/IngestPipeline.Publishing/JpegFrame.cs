namespace IngestPipeline.Publishing;

/// <summary>
/// What the PDF image dictionary needs to know about a JPEG, read from its frame header (SOF) without decoding
/// anything: the JPEG bytes go into the PDF untouched, so its own header is the only trustworthy description.
/// </summary>
internal readonly record struct JpegFrame(int Width, int Height, int Components, int BitsPerSample)
{
    /// <exception cref="InvalidDataException">The bytes are not a JPEG a PDF reader can decode.</exception>
    public static JpegFrame Read(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
            throw new InvalidDataException("it does not start with the JPEG start-of-image marker FF D8");

        var i = 2;
        while (true)
        {
            if (i >= jpeg.Length || jpeg[i] != 0xFF)
                throw new InvalidDataException("its marker segments are corrupt or truncated before the frame header");
            // Any number of FF fill bytes may precede a marker code.
            while (i < jpeg.Length && jpeg[i] == 0xFF) i++;
            if (i >= jpeg.Length)
                throw new InvalidDataException("it ends before the frame header");

            var marker = jpeg[i++];
            if (marker is 0x01 or >= 0xD0 and <= 0xD7) continue; // standalone markers carry no length
            if (marker is 0xD9 or 0xDA)
                throw new InvalidDataException("it has no frame header (SOF) before its image data");
            if (i + 2 > jpeg.Length)
                throw new InvalidDataException("it ends inside a marker segment");

            var length = (jpeg[i] << 8) | jpeg[i + 1];
            if (length < 2 || i + length > jpeg.Length)
                throw new InvalidDataException("it ends inside a marker segment");

            if (IsFrameHeader(marker))
            {
                // PDF's DCTDecode only promises Huffman-coded baseline, extended and progressive JPEGs.
                if (marker is not (0xC0 or 0xC1 or 0xC2))
                    throw new InvalidDataException(
                        $"it uses JPEG process SOF{marker - 0xC0} (lossless, hierarchical or arithmetic coding), which PDF readers cannot decode");
                if (length < 8)
                    throw new InvalidDataException("its frame header is truncated");
                return new JpegFrame(
                    Width: (jpeg[i + 5] << 8) | jpeg[i + 6],
                    Height: (jpeg[i + 3] << 8) | jpeg[i + 4],
                    Components: jpeg[i + 7],
                    BitsPerSample: jpeg[i + 2]);
            }
            i += length;
        }
    }

    // C4 (Huffman tables), C8 (reserved) and CC (arithmetic conditioning) share the SOF range but are not frames.
    private static bool IsFrameHeader(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
