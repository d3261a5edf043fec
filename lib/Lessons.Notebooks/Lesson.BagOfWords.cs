using Lessons.Models;
using Lessons.Training;
using static TorchSharp.torch;

namespace Lessons.Notebooks;

public static partial class Lesson
{
    /// <summary>
    /// Trains the baseline that cannot see word order (<see cref="BagOfWordsClassifier"/>: the mean of a headline's word
    /// vectors read by a linear layer) with the notebooks' recipe, as <c>lessons train --model bow</c> does, showing
    /// progress live; returns its history. Seconds on the mini split.
    /// </summary>
    public static History TrainBagOfWords(LessonData data)
    {
        manual_seed(0);
        var options = Recipe.Classifier(CellKind.Lstm, data.Vocabulary.Count) with { BagOfWords = true, Classes = data.Classes.Count };
        using var model = new BagOfWordsClassifier(options);
        return Train(model, data, model.Options.Name());
    }
}
