#:project ../lib/Lessons.Editions/Lessons.Editions.csproj
// Counts the core path's prose: the words in the markdown cells of the English notebooks marked "**Core path**".
// Run from the repository: dotnet run tools/core-path-words.cs  (exit 1 when the core path holds more than 9,000 words)
using Lessons.Editions;

var prose = CorePath.Prose(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "notebooks"));
Console.WriteLine(CorePath.Report(prose));
return prose.Sum(p => p.Words) > CorePath.MaxWords ? 1 : 0;
