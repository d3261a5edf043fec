using Lessons.Runner;

namespace Lessons.Tests.Runner;

public class NotebookSetTests
{
    [Fact]
    public void Without_paths_takes_every_notebook_of_the_notebooks_folder_in_name_order()
    {
        var root = Directory.CreateTempSubdirectory("lessons-set-");
        try
        {
            var folder = root.CreateSubdirectory("notebooks");
            foreach (string name in new[] { "02-lstm.ipynb", "01-data.ipynb", "notes.md", "10-gru.ipynb" })
                File.WriteAllText(Path.Combine(folder.FullName, name), "{}");

            var notebooks = NotebookSet.Resolve([], root.FullName);

            Assert.Equal(["01-data.ipynb", "02-lstm.ipynb", "10-gru.ipynb"], notebooks.Select(Path.GetFileName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Names_a_missing_notebook_and_refuses_other_files()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => NotebookSet.Resolve(["nope.ipynb"], TestNotebooks.Folder));
        Assert.Equal("nope.ipynb: no such notebook or folder.", missing.Message);

        string text = Path.Combine(Path.GetTempPath(), $"lessons-{Guid.NewGuid():N}.txt");
        File.WriteAllText(text, "");
        try
        {
            var wrong = Assert.Throws<ArgumentException>(() => NotebookSet.Resolve([text], TestNotebooks.Folder));
            Assert.Equal($"{text}: not a notebook (.ipynb).", wrong.Message);
        }
        finally
        {
            File.Delete(text);
        }
    }
}
