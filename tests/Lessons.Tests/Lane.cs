namespace Lessons.Tests;

/// <summary>
/// The test lanes. A class marked <c>[Trait(Lane.Name, Lane.Slow)]</c> runs notebooks, starts a kernel or a browser:
/// the fast lane leaves it out with <c>dotnet test -c Release --filter "Lane!=Slow"</c>; the full suite runs it.
/// </summary>
public static class Lane
{
    public const string Name = "Lane";
    public const string Slow = "Slow";
}
