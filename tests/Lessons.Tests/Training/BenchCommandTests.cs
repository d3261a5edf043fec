using Lessons.Cli.Commands;
using Lessons.Data;
using Lessons.Models;

namespace Lessons.Tests.Training;

public sealed class BenchCommandTests
{
    [Theory]
    [InlineData("--reps", "0", "--reps must be between 1 and 100 (got 0).")]
    [InlineData("--reps", "101", "--reps must be between 1 and 100 (got 101).")]
    [InlineData("--reference-threads", "0", "--reference-threads must be between 1 and {cores} (got 0).")]
    [InlineData("--batch", "-3", "--batch must be between 1 and 4096 (got -3).")]
    public void An_out_of_range_option_is_refused_at_parse_time_naming_the_option_and_range(string option, string value, string message)
    {
        var parse = BenchCommand.Create().Parse([option, value]);
        Assert.Equal(message.Replace("{cores}", $"{Environment.ProcessorCount}"), Assert.Single(parse.Errors).Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("999")]
    public void Threads_are_refused_beyond_the_cores_of_this_machine(string value)
    {
        var parse = BenchCommand.Create().Parse(["--threads", value]);
        Assert.Equal($"--threads must be between 1 and {Environment.ProcessorCount} (got {value}).", Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void In_range_options_parse_without_errors()
    {
        Assert.Empty(BenchCommand.Create().Parse(["--reps", "1", "--threads", "1", "--reference-threads", "1", "--batch", "16"]).Errors);
    }

    [Fact]
    public void Flops_per_sample_count_three_matrix_products_per_weight_per_token_and_the_linear_layer()
    {
        // LSTM: 4 gates x 32 hidden x (64 inputs + 32 hidden) x 2 FLOPs, x3 for forward and backward, per token;
        // the linear layer 32 x 4 x 2 x 3 per sample.
        var lstm = ClassifierOptions.For(CellKind.Lstm, 100);
        Assert.Equal(10 * 73_728 + 768, BenchConfiguration.FlopsPerSample(lstm, 10));
        // Two bidirectional GRU layers: the second reads both directions of the first (64 inputs).
        var gru = ClassifierOptions.For(CellKind.Gru, 100) with { Layers = 2, Bidirectional = true };
        double perToken = 2 * 6.0 * 3 * 32 * (64 + 32) + 2 * 6.0 * 3 * 32 * (64 + 32);
        Assert.Equal(5 * perToken + 6.0 * 64 * 4, BenchConfiguration.FlopsPerSample(gru, 5));
    }

    [Fact]
    public void Every_configuration_has_both_pytorch_yardsticks()
    {
        Assert.Equal(["rnn", "lstm", "lstm_packed", "bilstm", "lstm2", "gru"], BenchConfiguration.All.Select(c => c.PythonModel));
    }

    [Theory]
    [InlineData(PyTorchReference.Lesson, "--reference")]
    [InlineData(PyTorchReference.Tuned, "--tuned")]
    public void The_pytorch_yardsticks_are_found_in_the_repository_bench_folder(string script, string option)
    {
        string root = RepositoryRoot.Find()!;
        string expected = Path.Combine(root, "bench", script);
        Assert.True(File.Exists(expected), $"{expected} is missing");
        if (!File.Exists(PyTorchReference.Python)) return;
        Assert.Equal(expected, PyTorchReference.Script(script, option));
    }

    [Theory]
    [InlineData("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3", "OpenBLAS", false)]
    [InlineData("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3", "netlib reference BLAS", true)]
    [InlineData("/opt/intel/lib/libmkl_rt.so", "MKL", false)]
    public void The_blas_the_yardsticks_loaded_is_named_and_netlib_is_flagged(string library, string name, bool netlib)
    {
        var blas = new PythonBlas([library], "generic", "1.13.0");
        Assert.Equal(name, blas.Name);
        Assert.Equal(netlib, blas.IsNetlibReference);
        Assert.Equal($"{name} ({library}), torch 1.13.0 BLAS_INFO=generic", blas.ToString());
    }
}
