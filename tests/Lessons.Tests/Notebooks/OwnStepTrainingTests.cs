using Lessons.Data;
using Lessons.Models;
using Lessons.Notebooks;
using Lessons.Runtime;
using Lessons.Tests.Data;
using static TorchSharp.torch;

namespace Lessons.Tests.Notebooks;

/// <summary>
/// Notebooks 2 and 3 train the step a student wrote (<see cref="StepClassifier"/>, <see cref="Lesson.TrainOnSlice"/>):
/// a right step trains exactly as the built-in layer does, and a step the student edition left unwritten stops the
/// training with its own one-line exception, unwrapped. In the notebook collection, which runs alone: Prepare reads
/// LESSONS_QUICK, and the trainer sets the process's seed and thread count.
/// </summary>
[Collection(nameof(LessonNotebooks))]
public sealed class OwnStepTrainingTests : IDisposable
{
    readonly TempFolder folder = new();

    public OwnStepTrainingTests() => TorchRuntime.EnsureReady();

    public void Dispose() => folder.Dispose();

    static Tensor RnnStep(Tensor x, Tensor s, Tensor W, Tensor H, Tensor b) => tanh(x.matmul(W) + s.matmul(H) + b);

    static (Tensor H, Tensor C) LstmStep(Tensor x, Tensor h, Tensor c, LstmWeights w)
    {
        Tensor Gate(GateWeights g) => x.matmul(g.W) + h.matmul(g.H) + g.B;
        var cNext = sigmoid(Gate(w.Forget)) * c + sigmoid(Gate(w.Input)) * tanh(Gate(w.Candidate));
        return (sigmoid(Gate(w.Output)) * tanh(cNext), cNext);
    }

    LessonData TwoTopics() => Notebooks.TwoTopics.Prepare(folder);

    public static TheoryData<CellKind> Kinds => [CellKind.Rnn, CellKind.Lstm];

    static StepClassifier Model(CellKind kind, int vocabulary, bool ownStep) => kind == CellKind.Rnn
        ? StepClassifier.Rnn(vocabulary, ownStep ? RnnStep : null, classes: 2, embeddingSize: 6, hidden: 5)
        : StepClassifier.Lstm(vocabulary, ownStep ? LstmStep : null, classes: 2, embeddingSize: 6, hidden: 5);

    [Fact]
    public void A_step_trains_on_one_thread_whatever_the_process_was_set_to()
    {
        // Unrolled by autograd, a step is many tiny operations; on two threads a busy machine made a 13-second cell
        // take twelve minutes. The training sets the one thread it is documented to use.
        var data = TwoTopics();
        manual_seed(0);
        using var model = Model(CellKind.Rnn, data.Vocabulary.Count, ownStep: true);
        set_num_threads(2);
        try
        {
            Lesson.TrainOnSlice(model, data, "own", rows: 8, epochs: 1);
            Assert.Equal(1, get_num_threads());
        }
        finally { set_num_threads(1); }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_right_step_trains_exactly_as_the_built_in_layer(CellKind kind)
    {
        var data = TwoTopics();
        manual_seed(0);
        using var own = Model(kind, data.Vocabulary.Count, ownStep: true);
        manual_seed(0);
        using var builtIn = Model(kind, data.Vocabulary.Count, ownStep: false);

        var ownHistory = Lesson.TrainOnSlice(own, data, "own", rows: 20, epochs: 3);
        var builtInHistory = Lesson.TrainOnSlice(builtIn, data, "built-in", rows: 20, epochs: 3);

        Assert.Equal(3, ownHistory.Epochs.Count);
        Assert.Equal(20, ownHistory.Epochs[0].SamplesSeen);
        foreach (var (a, b) in ownHistory.Epochs.Zip(builtInHistory.Epochs))
        {
            Assert.Equal(b.TrainLoss, a.TrainLoss, 4);
            Assert.Equal(b.Test.Accuracy, a.Test.Accuracy, 6);
        }
        // The weights moved, the same way: the step's gradient reached the layer's own parameters.
        Assert.NotEqual(ownHistory.Epochs[0].TrainLoss, ownHistory.Epochs[^1].TrainLoss);
        foreach (var (a, b) in own.parameters().Zip(builtIn.parameters()))
            Assert.True(allclose(a, b, rtol: 1e-3, atol: 1e-4), "the two models' weights parted");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_step_not_written_yet_stops_the_training_with_its_one_line_exception(CellKind kind)
    {
        var data = TwoTopics();
        string piece = kind == CellKind.Rnn ? "RnnStep" : "LstmStep";
        using var model = kind == CellKind.Rnn
            ? StepClassifier.Rnn(data.Vocabulary.Count, (_, _, _, _, _) => throw new NotWrittenYetException(piece), classes: 2)
            : StepClassifier.Lstm(data.Vocabulary.Count, (_, _, _, _) => throw new NotWrittenYetException(piece), classes: 2);

        var thrown = Assert.Throws<NotWrittenYetException>(() => Lesson.TrainOnSlice(model, data, "own", rows: 20, epochs: 1));

        Assert.Equal($"{piece} is not written yet: write it where its TODO is, run that cell, then run this one again.", thrown.Message);
    }
}
