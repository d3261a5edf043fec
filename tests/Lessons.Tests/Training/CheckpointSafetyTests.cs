using Lessons.Data;
using Lessons.Models;
using Lessons.Runtime;
using Lessons.Text;
using Lessons.Training;
using static Lessons.Tests.Training.CheckpointSamples;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

/// <summary>Checkpoints are written all-or-nothing, never with NaN weights, and a bad one is named by file, not loaded.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class CheckpointSafetyTests : IDisposable
{
    readonly string parent = Directory.CreateTempSubdirectory("lessons-checkpoint-safety-").FullName;
    string Folder => Path.Combine(parent, "lstm");

    public CheckpointSafetyTests() => TorchRuntime.EnsureReady();

    public void Dispose() => Directory.Delete(parent, recursive: true);

    /// <summary>A file stream that fails with a full disk after <paramref name="limit"/> bytes.</summary>
    sealed class FullDiskStream(string path, long limit) : FileStream(path, FileMode.CreateNew, FileAccess.Write)
    {
        long written;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (written + buffer.Length > limit) throw new IOException("No space left on device");
            written += buffer.Length;
            base.Write(buffer);
        }

        public override void WriteByte(byte value) => Write([value]);
    }

    [Theory]
    [InlineData(Checkpoint.WeightsFile, 0)]
    [InlineData(Checkpoint.WeightsFile, 300)]
    [InlineData(Checkpoint.VocabularyFile, 10)]
    [InlineData(Checkpoint.DescriptionFile, 50)]
    public void A_save_that_fails_part_way_leaves_the_old_checkpoint_whole(string failingFile, long bytes)
    {
        using var old = Model(1);
        Checkpoint.Save(Folder, old, Words, AgNews.Classes);
        using var newer = Model(2);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Save(Folder, newer, Words, AgNews.Classes, null, null,
            path => Path.GetFileName(path) == failingFile ? new FullDiskStream(path, bytes) : new FileStream(path, FileMode.CreateNew)));

        Assert.EndsWith(failingFile, error.File);
        Assert.Contains("No space left on device", error.Message);
        var (loaded, _) = Checkpoint.Load(Folder);
        Assert.Equal(Logits(old), Logits(loaded));
        Assert.NotEqual(Logits(newer), Logits(loaded));
        Assert.Equal(["lstm", "lstm.lock"], Entries(parent));
    }

    [Fact]
    public void A_save_interrupted_between_the_two_renames_is_undone_on_the_next_read()
    {
        using var old = Model(1);
        Checkpoint.Save(Folder, old, Words, AgNews.Classes);
        // The state a crash (SIGKILL) leaves after the old folder stepped aside and before the new one took its name:
        // the killed save's staging folder is named after its process, which runs no more.
        Directory.Move(Folder, Folder + ".previous");
        string staging = $"{Folder}.saving-{EndedProcessId()}-0123abcd";
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, Checkpoint.WeightsFile), "half");

        var (loaded, _) = Checkpoint.Load(Folder);

        Assert.Equal(Logits(old), Logits(loaded));
        using var newer = Model(2);
        Checkpoint.Save(Folder, newer, Words, AgNews.Classes);
        Assert.Equal(Logits(newer), Logits(Checkpoint.Load(Folder).Model));
        Assert.Equal(["lstm", "lstm.lock"], Entries(parent));
    }

    /// <summary>The id of a process that has ended.</summary>
    static int EndedProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    [Fact]
    public void Weights_with_NaN_are_refused_and_the_old_checkpoint_stays()
    {
        using var old = Model(1);
        Checkpoint.Save(Folder, old, Words, AgNews.Classes);
        using var diverged = Model(2);
        using (no_grad()) diverged.parameters().First().fill_(double.NaN);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Save(Folder, diverged, Words, AgNews.Classes));

        Assert.EndsWith(Checkpoint.WeightsFile, error.File);
        Assert.Contains("NaN", error.Problem);
        Assert.Equal(Logits(old), Logits(Checkpoint.Load(Folder).Model));
    }

    public static TheoryData<string, Action<string>, string> Damages => new()
    {
        // A checkpoint records the sha256 of its weights and vocabulary: any change to either is named by that.
        { Checkpoint.WeightsFile, folder => Truncate(Path.Combine(folder, Checkpoint.WeightsFile)), Changed },
        { Checkpoint.WeightsFile, folder => FlipOneBit(Path.Combine(folder, Checkpoint.WeightsFile)), Changed },
        { Checkpoint.VocabularyFile, folder => File.WriteAllText(Path.Combine(folder, Checkpoint.VocabularyFile), "words\n"), Changed },
        // One saved before the sha256 was recorded: the readers' own checks name the damage.
        { Checkpoint.WeightsFile, folder => WithoutSha256(folder, () => Truncate(Path.Combine(folder, Checkpoint.WeightsFile))), "the weights do not load" },
        { Checkpoint.WeightsFile, folder => WithoutSha256(folder, () => File.WriteAllBytes(Path.Combine(folder, Checkpoint.WeightsFile),
            [.. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251))])), "the weights do not load" },
        { Checkpoint.VocabularyFile, folder => File.Delete(Path.Combine(folder, Checkpoint.VocabularyFile)), "missing" },
        { Checkpoint.VocabularyFile, folder => WithoutSha256(folder, () => File.WriteAllText(Path.Combine(folder, Checkpoint.VocabularyFile), "words\n")), "line 1" },
        { Checkpoint.DescriptionFile, folder => Edit(folder, json => json["history"] = System.Text.Json.Nodes.JsonNode.Parse("{\"name\":\"x\",\"parameters\":1,\"epochs\":[{}],\"chosenEpoch\":1}")),
            "its training history is damaged: entry 1 is not a complete epoch" },
        { Checkpoint.DescriptionFile, folder => Edit(folder, json => json["history"] = System.Text.Json.Nodes.JsonNode.Parse("{\"name\":\"x\",\"parameters\":1,\"epochs\":[],\"chosenEpoch\":3}")),
            "its training history is damaged: it names epoch 3 as chosen but holds no such epoch" },
        { Checkpoint.DescriptionFile, folder => Edit(folder, json => json.Remove("options")), "has no classifier options" },
        { Checkpoint.DescriptionFile, folder => Edit(folder, json => json["options"]!["hidden"] = 30000), "Hidden is 30000; a checkpoint holds 1 to 4096" },
        { Checkpoint.DescriptionFile, folder => File.WriteAllText(Path.Combine(folder, Checkpoint.DescriptionFile), "{\"Format\": 1,"), "not a checkpoint description" },
        // Saved before the kit decoded HTML escapes: its vocabulary holds #39, quot, &lt and the like, so never used.
        { Checkpoint.DescriptionFile, folder => Edit(folder, json => json["format"] = 1),
            "it was saved before the kit decoded the HTML escapes in the text it loads (#39; quot; &lt;), so its vocabulary " +
            "holds tokens the text no longer gives (format 1; this version reads format 2)" },
        { Checkpoint.DescriptionFile, folder => Edit(folder, json => json["format"] = 3), "has format 3; this version reads format 2" },
    };

    const string Changed = "its sha256 is not the one checkpoint.json recorded when it was saved";

    static void FlipOneBit(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 1;
        File.WriteAllBytes(path, bytes);
    }

    static void WithoutSha256(string folder, Action damage)
    {
        Edit(folder, json =>
        {
            json.Remove("weightsSha256");
            json.Remove("vocabularySha256");
        });
        damage();
    }

    static void Truncate(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }

    static void Edit(string folder, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        string path = Path.Combine(folder, Checkpoint.DescriptionFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_checkpoint_is_named_by_file_and_reason_and_the_lesson_trains_anew(string file, Action<string> damage, string reason)
    {
        using var saved = Model(1);
        Checkpoint.Save(Folder, saved, Words, AgNews.Classes);
        damage(Folder);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(Folder));
        Assert.Equal(Path.Combine(Folder, file), error.File);
        Assert.Contains(reason, error.Problem);

        using var fresh = Model(3);
        Assert.Null(Checkpoint.TryLoadInto(Folder, fresh, Words, out string? why));
        Assert.Equal($"lstm/{file} does not load: {error.Problem}", why);
        Assert.DoesNotContain(parent, why);
    }

    [Fact]
    public void TryLoadInto_loads_a_matching_checkpoint_and_is_silent_where_none_was_saved()
    {
        using var fresh = Model(3);
        Assert.Null(Checkpoint.TryLoadInto(Folder, fresh, Words, out string? nothing));
        Assert.Null(nothing);

        using var saved = Model(1);
        Checkpoint.Save(Folder, saved, Words, AgNews.Classes);
        Assert.NotNull(Checkpoint.TryLoadInto(Folder, fresh, Words, out string? why));
        Assert.Null(why);
        Assert.Equal(Logits(saved), Logits(fresh));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_found_before_any_work()
    {
        string file = Path.Combine(parent, "a-file");
        File.WriteAllText(file, "");

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.EnsureWritable(Path.Combine(file, "checkpoint")));

        Assert.Equal(Path.Combine(file, "checkpoint"), error.File);
        Assert.Contains("cannot write a checkpoint here", error.Problem);
    }
}
