using System.Buffers.Binary;
using System.IO.Compression;

namespace Lessons.Tests.Charts;

/// <summary>Reads an 8-bit RGB/RGBA PNG (what Chromium writes) far enough to count its distinct colours.</summary>
internal static class PngPixels
{
    public static (int Width, int Height, int DistinctColors) Inspect(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{path} is not a PNG");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at < bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]); // bit depth
                channels = data[9] switch { 2 => 3, 6 => 4, var c => throw new NotSupportedException($"PNG colour type {c}") };
                Assert.Equal(0, data[12]); // not interlaced
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        int stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        var colors = new HashSet<int>();
        for (int y = 0; y < height; y++)
        {
            int start = y * (stride + 1);
            byte filter = raw[start];
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                int x = raw[start + 1 + i];
                row[i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + (a + b) / 2,
                    4 => x + Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
            for (int p = 0; p < width; p++) colors.Add(row[p * channels] << 16 | row[p * channels + 1] << 8 | row[p * channels + 2]);
            (previous, row) = (row, previous);
        }
        return (width, height, colors.Count);
    }

    static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
