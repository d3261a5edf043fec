using System.Buffers.Binary;
using System.Text;

namespace Lessons.Runtime;

/// <summary>
/// Reads and edits the symbol-version requirements (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF
/// shared library. The kit uses it for one job: TorchSharp 0.107.0's <c>libLibTorchSharp.so</c> asks for
/// <c>GLIBCXX_3.4.32</c> (GCC 13), but the only symbol bound to that version, <c>_ZSt21ios_base_library_initv</c>,
/// is never called. Marking that requirement weak (<c>VER_FLG_WEAK</c>) lets the library load on
/// Debian 12 and Ubuntu 22.04, whose libstdc++ stops at <c>GLIBCXX_3.4.30</c>.
/// </summary>
internal sealed class ElfVersionNeeds
{
    const uint ShtDynsym = 11, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    const ushort VerFlgWeak = 0x2;

    /// <summary>One required version: which library provides it, its name, whether it is weak, and the symbols bound to it.</summary>
    public sealed record Requirement(string Library, string Version, bool IsWeak, IReadOnlyList<string> Symbols, long FlagsOffset);

    public string Path { get; }
    public IReadOnlyList<Requirement> Requirements { get; }

    ElfVersionNeeds(string path, IReadOnlyList<Requirement> requirements) => (Path, Requirements) = (path, requirements);

    public static ElfVersionNeeds Read(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException($"{path}: not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{path}: only 64-bit little-endian ELF files are supported.");

        var span = elf.AsSpan();
        long shoff = (long)U64(span, 0x28);
        int shentsize = U16(span, 0x3A), shnum = U16(span, 0x3C);
        var sections = new Section[shnum];
        for (int i = 0; i < shnum; i++) sections[i] = Section.At(span, shoff + (long)i * shentsize);

        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed)
            ?? throw new InvalidDataException($"{path}: has no .gnu.version_r section.");
        var strtab = sections[verneed.Link];

        // Version index -> symbol names bound to it (from .dynsym and its parallel .gnu.version array).
        var symbolsByIndex = new Dictionary<int, List<string>>();
        var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (dynsym is not null && versym is not null)
        {
            var dynstr = sections[dynsym.Link];
            long count = dynsym.Size / 24;
            for (long i = 1; i < count; i++)
            {
                int index = U16(span, versym.Offset + i * 2) & 0x7fff;
                string name = CString(span, dynstr.Offset + U32(span, dynsym.Offset + i * 24));
                if (!symbolsByIndex.TryGetValue(index, out var list)) symbolsByIndex[index] = list = [];
                list.Add(name);
            }
        }

        var requirements = new List<Requirement>();
        long need = verneed.Offset;
        for (int n = 0; n < verneed.Info; n++)
        {
            int auxCount = U16(span, need + 2);
            string library = CString(span, strtab.Offset + U32(span, need + 4));
            long aux = need + U32(span, need + 8);
            for (int a = 0; a < auxCount; a++)
            {
                ushort flags = U16(span, aux + 4);
                int other = U16(span, aux + 6);
                string version = CString(span, strtab.Offset + U32(span, aux + 8));
                requirements.Add(new Requirement(library, version, (flags & VerFlgWeak) != 0,
                    symbolsByIndex.TryGetValue(other, out var syms) ? syms : [], aux + 4));
                uint nextAux = U32(span, aux + 12);
                if (nextAux == 0) break;
                aux += nextAux;
            }
            uint next = U32(span, need + 12);
            if (next == 0) break;
            need += next;
        }
        return new ElfVersionNeeds(path, requirements);
    }

    /// <summary>Sets VER_FLG_WEAK on the named requirement, in place. Returns false when it already was weak.</summary>
    public bool MakeWeak(string version)
    {
        var requirement = Requirements.FirstOrDefault(r => r.Version == version)
            ?? throw new InvalidOperationException($"{Path}: does not require {version}.");
        if (requirement.IsWeak) return false;
        using var file = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        Span<byte> flags = stackalloc byte[2];
        file.Position = requirement.FlagsOffset;
        file.ReadExactly(flags);
        BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(flags) | VerFlgWeak));
        file.Position = requirement.FlagsOffset;
        file.Write(flags);
        return true;
    }

    sealed record Section(uint Type, long Offset, long Size, int Link, int Info)
    {
        public static Section At(ReadOnlySpan<byte> elf, long at) =>
            new(U32(elf, at + 4), (long)U64(elf, at + 24), (long)U64(elf, at + 32), (int)U32(elf, at + 40), (int)U32(elf, at + 44));
    }

    static ushort U16(ReadOnlySpan<byte> s, long at) => BinaryPrimitives.ReadUInt16LittleEndian(s[(int)at..]);
    static uint U32(ReadOnlySpan<byte> s, long at) => BinaryPrimitives.ReadUInt32LittleEndian(s[(int)at..]);
    static ulong U64(ReadOnlySpan<byte> s, long at) => BinaryPrimitives.ReadUInt64LittleEndian(s[(int)at..]);

    static string CString(ReadOnlySpan<byte> s, long at)
    {
        var rest = s[(int)at..];
        int end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }
}
