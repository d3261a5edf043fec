namespace Lessons.Runner;
/// <summary>Placeholder until the runner lands.</summary>
public static class NotebookRunner { }
