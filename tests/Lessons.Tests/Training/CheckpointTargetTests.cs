using System.Diagnostics;
using System.Text.Json.Nodes;
using Lessons.Cli;
using Lessons.Data;
using Lessons.Runtime;
using Lessons.Training;
using static Lessons.Tests.Training.CheckpointSamples;
using static TorchSharp.torch;

namespace Lessons.Tests.Training;

/// <summary>
/// A checkpoint is saved only where nothing but a checkpoint is lost: a file or a folder the kit did not write is
/// refused before training and left whole; saves to one name from two processes leave one whole checkpoint; and what
/// loads is checked (finite weights, one rule for what fits, only the chosen epoch's confusion matrices kept).
/// </summary>
[Collection(SeededTorchCollection.Name)]
public sealed class CheckpointTargetTests : IDisposable
{
    readonly string parent;

    public CheckpointTargetTests()
    {
        TorchRuntime.EnsureReady();
        parent = Directory.CreateTempSubdirectory("lessons-checkpoint-target-").FullName;
    }

    string Folder => Path.Combine(parent, "lstm");

    public void Dispose() => Directory.Delete(parent, recursive: true);

    /// <summary>Every file under <paramref name="folder"/> with its bytes, to show nothing was changed.</summary>
    static Dictionary<string, string> Snapshot(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(File.ReadAllBytes(f)));


    /// <summary>Starts the built `lessons` in <paramref name="directory"/>.</summary>
    static Process StartCli(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = directory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lessons.Cli.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    static (int Exit, string Out, string Error) Finish(Process process)
    {
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    static readonly string[] Train = ["train", "--epochs", "1", "--limit", "64", "--batch", "32", "--embed", "8", "--hidden", "7", "--data", Lessons.Tests.Data.SharedData.Mini];

    [Fact]
    public void Train_refuses_a_save_over_a_checkout_its_notebooks_a_users_folder_or_a_file_before_training_and_deletes_nothing()
    {
        string checkout = Path.Combine(parent, "checkout");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(checkout, ".git")).FullName, "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(checkout, "notebooks")).FullName, "01-text.ipynb"), "{}");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(checkout, "victim")).FullName, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(checkout, "victim", Checkpoint.WeightsFile), "my own weights");
        File.WriteAllText(Path.Combine(checkout, "report.txt"), "a file");
        var before = Snapshot(checkout);

        var cases = new (string Save, string Shown, string Why)[]
        {
            (".", checkout, "holds .git, notebooks, report.txt and 1 more, which the kit did not write"),
            ("notebooks", Path.Combine(checkout, "notebooks"), "holds 01-text.ipynb, which the kit did not write"),
            ("victim", Path.Combine(checkout, "victim"), "holds notes.txt, which the kit did not write"),
            ("report.txt", Path.Combine(checkout, "report.txt"), "is a file, not a folder"),
        };
        foreach (var (save, shown, why) in cases)
        {
            var (exit, output, error) = Finish(StartCli(checkout, [.. Train, "--save", save]));

            Assert.Equal(CommandRunner.BadUsage, exit);
            Assert.Equal($"--save: {shown}: {why}; a checkpoint is saved only into a new or empty folder or over a checkpoint the kit saved, so nothing was changed.", error.Trim());
            Assert.DoesNotContain("epoch", output);
            Assert.Equal(before, Snapshot(checkout));
            Assert.Equal([".git", "notebooks", "report.txt", "victim"], Entries(checkout));
        }
    }

    [Fact]
    public void Save_refuses_a_folder_the_kit_did_not_write_and_keeps_every_file_in_it()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "thesis.tex"), "years of work");
        Directory.CreateDirectory(Path.Combine(Folder, "figures"));
        using var model = Model(1);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Save(Folder, model, Words, AgNews.Classes));

        Assert.Equal(Folder, error.File);
        Assert.StartsWith("holds figures, thesis.tex, which the kit did not write;", error.Problem);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(Folder, "thesis.tex")));
        Assert.True(Directory.Exists(Path.Combine(Folder, "figures")));
        Assert.Equal(["lstm", "lstm.lock"], Entries(parent));   // no staging folder left behind
    }

    [Fact]
    public void A_checkpoint_json_without_the_kits_marker_is_not_the_kits_and_is_kept()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, Checkpoint.DescriptionFile), "{\"name\": \"my own notes\"}");
        using var model = Model(1);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Save(Folder, model, Words, AgNews.Classes));

        Assert.StartsWith("its checkpoint.json was not written by the kit;", error.Problem);
        Assert.Equal("{\"name\": \"my own notes\"}", File.ReadAllText(Path.Combine(Folder, Checkpoint.DescriptionFile)));
    }

    [Fact]
    public void A_checkpoint_replaces_an_empty_folder_and_an_earlier_checkpoint_even_a_damaged_one()
    {
        Directory.CreateDirectory(Folder);
        using var first = Model(1);
        Checkpoint.Save(Folder, first, Words, AgNews.Classes);
        File.WriteAllText(Path.Combine(Folder, Checkpoint.DescriptionFile), "{\"Format\": 1,");   // cut off: still the kit's
        using var second = Model(2);

        Checkpoint.Save(Folder, second, Words, AgNews.Classes);

        Assert.Equal(Logits(second), Logits(Checkpoint.Load(Folder).Model));
    }

    [Fact]
    public void A_stale_staging_folder_of_an_ended_save_is_removed_and_a_running_ones_is_kept()
    {
        using var ended = Process.Start("true")!;
        ended.WaitForExit();
        string stale = $"{Folder}.saving-{ended.Id}-0123abcd", running = $"{Folder}.saving-1-4567ef01";   // pid 1 always runs
        foreach (string staging in new[] { stale, running })
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(staging).FullName, Checkpoint.WeightsFile), "half");
        using var model = Model(1);

        Checkpoint.Save(Folder, model, Words, AgNews.Classes);

        Assert.False(Directory.Exists(stale));
        Assert.Equal("half", File.ReadAllText(Path.Combine(running, Checkpoint.WeightsFile)));
    }

    [Fact]
    public async Task Saves_to_one_name_from_two_processes_at_once_leave_one_whole_checkpoint()
    {
        using var model = Model(1);
        Checkpoint.Save(Folder, model, Words, AgNews.Classes);
        using var cli = StartCli(parent, [.. Train, "--save", Folder]);
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        int saves = 0;
        // This process saves its own model (other sizes, other vocabulary) again and again while the other trains and saves.
        while (!cli.HasExited || saves < 3)
        {
            Checkpoint.Save(Folder, model, Words, AgNews.Classes);
            saves++;
        }
        await cli.WaitForExitAsync();

        Assert.True(cli.ExitCode == 0, await error);
        Assert.Contains($"checkpoint written to {Folder}", await output);
        var (loaded, checkpoint) = Checkpoint.Load(Folder);   // weights, vocabulary and description of one save
        if (checkpoint.Options.Hidden == 5) Assert.Equal(Logits(model), Logits(loaded));
        else Assert.Equal(7, checkpoint.Options.Hidden);
        Assert.Equal(["lstm", "lstm.lock"], Entries(parent));

        // Last the other process's save: its checkpoint whole.
        using var last = StartCli(parent, [.. Train, "--save", Folder]);
        Assert.Equal(0, Finish(last).Exit);
        Assert.Equal(7, Checkpoint.Load(Folder).Checkpoint.Options.Hidden);
    }

    [Fact]
    public async Task While_one_save_swaps_another_waits_for_the_lock()
    {
        using var model = Model(1);
        Checkpoint.Save(Folder, model, Words, AgNews.Classes);
        using var other = Model(2);
        var held = CheckpointFolder.Lock(Folder);
        var save = Task.Run(() => Checkpoint.Save(Folder, other, Words, AgNews.Classes));

        await Task.Delay(300);
        Assert.False(save.IsCompleted);
        Assert.Equal(Logits(model), Logits(Checkpoint.Load(Folder).Model));
        held.Dispose();
        await save.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Logits(other), Logits(Checkpoint.Load(Folder).Model));
    }

    [Fact]
    public void Weights_with_NaN_are_refused_on_load_by_name_and_the_lesson_trains_anew()
    {
        using var model = Model(1);
        Checkpoint.Save(Folder, model, Words, AgNews.Classes);
        // Weights written by something that did not check them, with the sha256 it recorded.
        using (no_grad()) model.parameters().Last().fill_(double.PositiveInfinity);
        string weights = Path.Combine(Folder, Checkpoint.WeightsFile);
        File.Delete(weights);
        model.save(weights);
        EditDescription(json => json["weightsSha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(weights))));

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(Folder));

        Assert.Equal(weights, error.File);
        Assert.Matches("^parameter .+ holds NaN or infinite values \\(the run that saved it diverged\\)$", error.Problem);
        using var fresh = Model(3);
        Assert.Null(Checkpoint.TryLoadInto(Folder, fresh, Words, out string? why));
        Assert.Equal($"lstm/weights.bin does not load: {error.Problem}", why);
    }

    void EditDescription(Action<JsonObject> edit)
    {
        string path = Path.Combine(Folder, Checkpoint.DescriptionFile);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Fact]
    public void A_checkpoint_fits_a_model_whose_training_only_options_differ_the_one_rule_for_every_load()
    {
        using var saved = Model(1, dropout: 0.3);
        Checkpoint.Save(Folder, saved, Words, AgNews.Classes);
        using var model = Model(2, dropout: 0.1);

        Assert.NotNull(Checkpoint.TryLoadInto(Folder, model, Words, out string? why));

        Assert.Null(why);
        Assert.Equal(Logits(saved), Logits(model));
    }

    [Fact]
    public void A_checkpoint_keeps_the_chosen_epochs_confusion_matrices_only()
    {
        using var model = Model(1);
        var classes = AgNews.Classes;
        Evaluation Verdict(int hits) => new(1.0, hits / 4.0, new ConfusionMatrix(classes, new long[,] { { hits, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 4 - hits, 0, 0, 0 } }), []);
        var history = new History("LSTM", 10, [.. Enumerable.Range(1, 3).Select(e => new EpochMetrics(e, 4, 1, 0.5, Verdict(e), 1, 4, 0, Verdict(e)))], ChosenEpoch: 2);

        Checkpoint.Save(Folder, model, Words, classes, null, history);
        var read = Checkpoint.Read(Folder).History!;

        Assert.Equal([null, 2L, null], read.Epochs.Select(e => e.Test.Confusion?.Counts[0, 0]));
        Assert.Equal([null, 2L, null], read.Epochs.Select(e => e.Validation!.Confusion?.Counts[0, 0]));
        Assert.Equal(history.Epochs.Select(e => e.Test.Accuracy), read.Epochs.Select(e => e.Test.Accuracy));
        Assert.Equal(0.5, read.ChosenConfusion.Accuracy);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(File.ReadAllText(Path.Combine(Folder, Checkpoint.DescriptionFile)), "\"counts\""));
    }

    [Fact]
    public void A_diverged_history_is_written_and_read_back_with_its_infinities_in_json_and_in_a_checkpoint()
    {
        using var model = Model(1);
        var matrix = new ConfusionMatrix(AgNews.Classes, new long[4, 4]);
        var history = new History("LSTM", 10, [
            new EpochMetrics(1, 4, double.PositiveInfinity, 0.25, new Evaluation(double.NaN, 0.25, matrix, []), 1, 4, 0),
            new EpochMetrics(2, 8, double.NaN, 0.25, new Evaluation(double.NegativeInfinity, 0.25, matrix, []), 1, 4, 0)]);

        string json = HistoryJson.Serialize(history, indented: false);
        Checkpoint.Save(Folder, model, Words, AgNews.Classes, null, history);

        Assert.Contains("\"trainLoss\":\"Infinity\"", json);
        var back = HistoryJson.Deserialize(json);
        Assert.Equal([double.PositiveInfinity, double.NaN], back.Epochs.Select(e => e.TrainLoss));
        Assert.Equal([double.NaN, double.NegativeInfinity], back.Epochs.Select(e => e.Test.Loss));
        Assert.Equal([double.PositiveInfinity, double.NaN], Checkpoint.Read(Folder).History!.Epochs.Select(e => e.TrainLoss));
    }

    [Fact]
    public void A_run_that_diverges_still_ends_with_its_history_as_json()
    {
        var (exit, output, error) = Finish(StartCli(parent, [.. Train, "--lr", "1e300", "--json"]));

        Assert.True(exit == 0, error);
        var history = HistoryJson.Deserialize(output.TrimEnd().Split('\n')[^1]);
        Assert.Contains(history.Epochs, e => !double.IsFinite(e.TrainLoss) || !double.IsFinite(e.Test.Loss));
    }
}
