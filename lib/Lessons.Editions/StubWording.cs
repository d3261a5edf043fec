namespace Lessons.Editions;

/// <summary>
/// The words of a stub (<see cref="CellStub"/>) in the language of the notebook it is written into: its
/// <c>// TODO:</c> line, and the name of the missing piece that <c>NotWrittenYetException</c> puts into the kit's
/// "not written yet" message (in that language too). English, and Turkish for the Turkish edition (notebooks/tr/).
/// Lessons.Editions references no library code, so these few phrases live here rather than in the kit's words.
/// </summary>
internal abstract record StubWording
{
    public static StubWording English { get; } = new EnglishStub();

    public static StubWording Turkish { get; } = new TurkishStub();

    /// <summary>The words for a notebook of <paramref name="language"/> (en, tr); English for any other.</summary>
    public static StubWording For(string? language) => language == "tr" ? Turkish : English;

    /// <summary>The piece: the constructor of <paramref name="type"/>.</summary>
    public abstract string Constructor(string type);

    /// <summary>The TODO of a constructor; <paramref name="registers"/>: the teacher's body calls RegisterComponents().</summary>
    public abstract string WriteConstructor(string type, string arguments, bool registers);

    /// <summary>The TODO of a method or local function; <paramref name="returns"/> is null for void, else its type with
    /// its article ("a Tensor"); <paramref name="check"/> the call below that checks it, if any.</summary>
    public abstract string WriteMethod(string name, string arguments, string? returns, string? article, string? check);

    /// <summary>The piece: the body of a loop over <paramref name="over"/> (null: a loop without a variable).</summary>
    public abstract string LoopBody(string? over);

    /// <summary>The TODO of a loop over <paramref name="over"/> (null: a loop without a variable).</summary>
    public abstract string WriteLoop(string? over);

    sealed record EnglishStub : StubWording
    {
        public override string Constructor(string type) => $"{type}'s constructor";

        public override string WriteConstructor(string type, string arguments, bool registers) =>
            $"write the constructor {type}{arguments}: set up its parts" +
            (registers ? ", then call RegisterComponents() so TorchSharp finds their parameters." : ".");

        public override string WriteMethod(string name, string arguments, string? returns, string? article, string? check) =>
            $"write {name}{arguments}" + (returns is null ? "." : $", which returns {article}{returns}.") +
            (check is null ? "" : $" {check} below checks it.");

        public override string LoopBody(string? over) => over is null ? "the body of this loop" : $"the body of the loop over {over}";

        public override string WriteLoop(string? over) => over is null
            ? "write what one pass of this loop does (the text above lists the steps)."
            : $"write what happens for each {over} (the text above lists the steps).";
    }

    // Code names stay as they are, with no suffix after them: "RnnClassifier kurucusu", not a possessive that would
    // have to follow the name's last vowel.
    sealed record TurkishStub : StubWording
    {
        public override string Constructor(string type) => $"{type} kurucusu";

        public override string WriteConstructor(string type, string arguments, bool registers) =>
            $"{type}{arguments} kurucusunu yazın: parçalarını kurun" +
            (registers ? ", sonra TorchSharp parametrelerini bulsun diye RegisterComponents() çağrısını yapın." : ".");

        public override string WriteMethod(string name, string arguments, string? returns, string? article, string? check) =>
            $"{name}{arguments} işlevini yazın" + (returns is null ? "." : $"; {(article is { Length: > 0 } ? "bir " : "")}{returns} döndürür.") +
            (check is null ? "" : $" Aşağıdaki {check} çağrısı onu denetler.");

        public override string LoopBody(string? over) => over is null ? "bu döngünün gövdesi" : $"her {over} için dönen döngünün gövdesi";

        public override string WriteLoop(string? over) => over is null
            ? "bu döngünün bir turunda olanları yazın (adımları yukarıdaki metin sıralıyor)."
            : $"her {over} için olanları yazın (adımları yukarıdaki metin sıralıyor).";
    }
}
