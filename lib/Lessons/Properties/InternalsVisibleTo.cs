using System.Runtime.CompilerServices;

// Public is only what notebooks and the CLI call; the tests reach the rest, and so does the notebook layer
// (its own project, Lessons.Notebooks).
[assembly: InternalsVisibleTo("Lessons.Tests")]
[assembly: InternalsVisibleTo("Lessons.Notebooks")]
