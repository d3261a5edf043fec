using System.CommandLine;
using System.CommandLine.Parsing;
using Lessons.Runner;
using Lessons.Training;

namespace Lessons.Cli;

/// <summary>
/// Parse-time checks for options, added with one call where an option is declared (<c>epochs.AtLeast(1)</c>). A value
/// out of range fails the parse before any work starts, with one line naming the option, the allowed range and the
/// value given; <see cref="CommandRunner.Run"/> turns parse errors into exit code 2.
/// </summary>
public static class OptionChecks
{
    /// <summary>Adds a check: values for which <paramref name="ok"/> is false are refused as "must be <paramref name="allowed"/>".</summary>
    public static Option<T> Require<T>(this Option<T> option, Func<T, bool> ok, string allowed)
    {
        option.Validators.Add(result =>
        {
            if (result.Implicit || result.Tokens.Count == 0) return;
            T? value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // an unparsable value already has System.CommandLine's own error
            }
            if (value is not null && !ok(value))
                result.AddError($"{option.Name} must be {allowed} (got {Shown(result.Tokens[^1].Value)}).");
        });
        return option;
    }

    /// <summary>A value as the user typed it; an empty one as "".</summary>
    internal static string Shown(string token) => token.Length == 0 ? "\"\"" : token;

    /// <summary>Text that is not empty or blank.</summary>
    public static Option<string?> NotBlank(this Option<string?> option, string allowed) =>
        option.Require(v => !string.IsNullOrWhiteSpace(v), allowed);

    /// <summary>Whole numbers from <paramref name="min"/> up.</summary>
    public static Option<int> AtLeast(this Option<int> option, int min) => option.Require(v => v >= min, $"at least {min}");

    /// <summary>Whole numbers from <paramref name="min"/> up, when given.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int min) =>
        option.Require(v => v is not { } n || n >= min, $"at least {min}");

    /// <summary>Whole numbers from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Between(this Option<int> option, int min, int max) =>
        option.Require(v => v >= min && v <= max, $"between {min} and {max}");

    /// <summary>Whole numbers from <paramref name="min"/> to <paramref name="max"/>, when given.</summary>
    public static Option<int?> Between(this Option<int?> option, int min, int max) =>
        option.Require(v => v is not { } n || n >= min && n <= max, $"between {min} and {max}");

    /// <summary>A finite number above zero (refuses nan and infinity).</summary>
    public static Option<double> Positive(this Option<double> option) =>
        option.Require(v => double.IsFinite(v) && v > 0, "a finite number above 0");

    /// <summary>A finite number above zero, when given.</summary>
    public static Option<double?> Positive(this Option<double?> option) =>
        option.Require(v => v is not { } x || double.IsFinite(x) && x > 0, "a finite number above 0");

    /// <summary>A finite number from zero up.</summary>
    public static Option<double> NotNegative(this Option<double> option) =>
        option.Require(v => double.IsFinite(v) && v >= 0, "a finite number of 0 or more");

    /// <summary>A share: from 0 up to, but not including, 1.</summary>
    public static Option<double> Share(this Option<double> option) => option.Require(IsShare, "in [0, 1)");

    /// <summary>A share from 0 up to, but not including, 1, when given.</summary>
    public static Option<double?> Share(this Option<double?> option) => option.Require(v => v is not { } x || IsShare(x), "in [0, 1)");

    static bool IsShare(double value) => value >= 0 && value < 1;

    /// <summary>
    /// A thread count from 0 (the library's choice) to this machine's cores: more threads than cores only
    /// make these small models slower (999 threads ran 200 times slower than 1).
    /// </summary>
    public static Option<int> Threads(this Option<int> option) =>
        option.Between(0, Environment.ProcessorCount);

    /// <summary>A folder the command will write into: refused at parse time when it cannot be created or written.</summary>
    public static Option<T> WritableFolder<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            string folder = result.Tokens[^1].Value;
            if (FolderWriteCheck.Problem(folder) is { } problem)
                result.AddError($"{option.Name}: cannot write into {Path.GetFullPath(folder)} ({problem}); choose another folder or fix its permissions.");
        });
        return option;
    }

    /// <summary>A checkpoint folder: refused at parse time when a checkpoint could not be written there.</summary>
    public static Option<string?> CheckpointTarget(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            try
            {
                Checkpoint.EnsureWritable(result.Tokens[^1].Value);
            }
            catch (CheckpointException e)
            {
                result.AddError($"{option.Name}: {e.Message}.");
            }
        });
        return option;
    }
}
