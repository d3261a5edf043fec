using Lessons.Editions;
using Lessons.Models;
using Lessons.Notebooks;
using Lessons.Tests.Models;

namespace Lessons.Tests.Editions;

/// <summary>A stub keeps every character of the cell but the bodies the student writes, and says what to write.</summary>
public sealed class CellStubTests
{
    [Fact]
    public void An_expression_bodied_step_becomes_a_block_with_a_todo_and_the_rest_stays()
    {
        const string code = """
            // The simple RNN cell.
            Tensor RnnStep(Tensor x, Tensor s, Tensor W, Tensor H, Tensor b) => tanh(x.matmul(W) + s.matmul(H) + b);

            var W = randn(4, 3) * 0.5;    // embedding × hidden
            """;
        Assert.Equal("""
            // The simple RNN cell.
            Tensor RnnStep(Tensor x, Tensor s, Tensor W, Tensor H, Tensor b)
            {
                // TODO: write RnnStep(x, s, W, H, b), which returns a Tensor. StepCheck.Rnn(RnnStep) below checks it.
                throw new NotWrittenYetException("RnnStep");
            }

            var W = randn(4, 3) * 0.5;    // embedding × hidden
            """, CellStub.Write(code, CellStub.Part.Members, name => name == "RnnStep" ? "StepCheck.Rnn(RnnStep)" : null));
    }

    [Fact]
    public void A_class_keeps_its_declaration_fields_and_signatures()
    {
        const string code = """
            class Net : nn.Module<Tensor, Tensor>
            {
                readonly Linear layer;

                public Net(int size) : base(nameof(Net))
                {
                    layer = nn.Linear(size, 2);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x) => layer.call(x);
            }

            var net = new Net(3);
            """;
        Assert.Equal("""
            class Net : nn.Module<Tensor, Tensor>
            {
                readonly Linear layer;

                public Net(int size) : base(nameof(Net))
                {
                    // TODO: write the constructor Net(size): set up its parts, then call RegisterComponents() so TorchSharp finds their parameters.
                    throw new NotWrittenYetException("Net's constructor");
                }

                public override Tensor forward(Tensor x)
                {
                    // TODO: write forward(x), which returns a Tensor.
                    throw new NotWrittenYetException("Net.forward");
                }
            }

            var net = new Net(3);
            """, CellStub.Write(code, CellStub.Part.Members));
    }

    [Fact]
    public void A_loop_cell_keeps_its_functions_and_set_up_and_loses_the_loop_body()
    {
        const string code = """
            double Accuracy(int n) => n / 2.0;

            var optimizer = optim.Adam(model.parameters(), lr: 0.005);
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                foreach (var batch in batches) optimizer.step();
                Console.WriteLine(Accuracy(epoch));
            }
            """;
        Assert.Equal("""
            double Accuracy(int n) => n / 2.0;

            var optimizer = optim.Adam(model.parameters(), lr: 0.005);
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                // TODO: write what happens for each epoch (the text above lists the steps).
                throw new NotWrittenYetException("the body of the loop over epoch");
            }
            """, CellStub.Write(code, CellStub.Part.Loops));
    }

    [Fact]
    public void A_stub_in_a_Turkish_notebook_says_what_to_write_and_names_the_piece_in_Turkish()
    {
        const string members = """
            public class Net : Module<Tensor, Tensor>
            {
                public Net(int size) : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => x;
            }
            Tensor RnnStep(Tensor x, Tensor s) => x + s;
            """;
        Assert.Equal("""
            public class Net : Module<Tensor, Tensor>
            {
                public Net(int size) : base("Net") {
                    // TODO: Net(size) kurucusunu yazın: parçalarını kurun, sonra TorchSharp parametrelerini bulsun diye RegisterComponents() çağrısını yapın.
                    throw new NotWrittenYetException("Net kurucusu");
                }
                public override Tensor forward(Tensor x)
                {
                    // TODO: forward(x) işlevini yazın; bir Tensor döndürür.
                    throw new NotWrittenYetException("Net.forward");
                }
            }
            Tensor RnnStep(Tensor x, Tensor s)
            {
                // TODO: RnnStep(x, s) işlevini yazın; bir Tensor döndürür. Aşağıdaki StepCheck.Rnn(RnnStep) çağrısı onu denetler.
                throw new NotWrittenYetException("RnnStep");
            }
            """, CellStub.Write(members, CellStub.Part.Members, name => name == "RnnStep" ? "StepCheck.Rnn(RnnStep)" : null, "tr"));

        const string loop = """
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                optimizer.step();
            }
            while (true) break;
            """;
        Assert.Equal("""
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                // TODO: her epoch için olanları yazın (adımları yukarıdaki metin sıralıyor).
                throw new NotWrittenYetException("her epoch için dönen döngünün gövdesi");
            }
            while (true)
            {
                // TODO: bu döngünün bir turunda olanları yazın (adımları yukarıdaki metin sıralıyor).
                throw new NotWrittenYetException("bu döngünün gövdesi");
            }
            """, CellStub.Write(loop, CellStub.Part.Loops, language: "tr"));
    }

    [Fact]
    public void An_unwritten_piece_of_a_Turkish_notebook_says_so_in_Turkish()
    {
        var culture = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            Lessons.Localization.KitLanguage.Set("tr");
            Assert.Equal("Her epoch için dönen döngünün gövdesi henüz yazılmadı: TODO satırının olduğu yere yazın, o hücreyi " +
                         "çalıştırın, sonra bu hücreyi yeniden çalıştırın.",
                new NotWrittenYetException("her epoch için dönen döngünün gövdesi").Message);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = culture;
        }
    }

    [Theory]
    [InlineData("var x = 1;", CellStub.Part.Members, "no method, local function or constructor")]
    [InlineData("int F() => 1;", CellStub.Part.Loops, "no top-level loop")]
    [InlineData("int F( => 1;", CellStub.Part.Members, "does not parse")]
    public void A_cell_with_nothing_to_stub_is_refused(string code, CellStub.Part part, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => CellStub.Write(code, part));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_unwritten_piece_says_what_to_do_in_one_line_without_a_stack_trace()
    {
        NotWrittenYetException thrown;
        try
        {
            throw new NotWrittenYetException("the body of the loop over epoch");
        }
        catch (NotWrittenYetException e)
        {
            thrown = e;
        }
        const string expected = "The body of the loop over epoch is not written yet: write it where its TODO is, run that " +
                                "cell, then run this one again.";
        Assert.Equal(expected, thrown.Message);
        Assert.Equal(expected, thrown.ToString());
        Assert.Null(thrown.StackTrace);
    }

    [Fact]
    public void The_step_check_names_a_step_that_is_not_written_yet()
    {
        ModelTestData.Ready();
        var verdict = StepCheck.Rnn((_, _, _, _, _) => throw new NotWrittenYetException("RnnStep"));
        Assert.False(verdict.Passed);
        Assert.StartsWith("✗ RnnStep is not written yet: write it where its TODO is", verdict.Message);
        Assert.DoesNotContain("shape", verdict.Message);
        Assert.StartsWith("✗ GruStep is not written yet",
            StepCheck.Gru((_, _, _) => throw new NotWrittenYetException("GruStep")).Message);
    }
}
