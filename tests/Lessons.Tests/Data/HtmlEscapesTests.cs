using Lessons.Data;
using Lessons.Notebooks;
using Lessons.Text;

namespace Lessons.Tests.Data;

/// <summary>The HTML escapes of AG News (and of own data) decoded as the files are read: real rows of the mini split,
/// word for word, and the same text whichever way the data is loaded.</summary>
public sealed class HtmlEscapesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static readonly Lazy<IReadOnlyList<LabeledText>> Train = new(() => AgNewsCsv.Read(Path.Combine(SharedData.Mini, "train.csv")));
    private static readonly Lazy<IReadOnlyList<LabeledText>> Test = new(() => AgNewsCsv.Read(Path.Combine(SharedData.Mini, "test.csv")));

    /// <summary>A row of the training split (its index from 0), the escape it shows, and its description decoded.
    /// The published bytes are in data/ag_news-mini/train.csv at line index + 1.</summary>
    public static TheoryData<int, string, string> DecodedTrainRows => new()
    {
        // "As the US men #39;s basketball team ... the team #39;s lousy outside shooting."
        { 538, "#39; after a space", "As the US men's basketball team limps into the Olympic medal round, the focus has been on the team's lousy outside shooting." },
        // "Hamm, in Worcester for the Rock  amp; Roll "
        { 660, "amp; after a space", "Controversial Olympic gold medalist Paul Hamm is back in the United States and ready to move on. Hamm, in Worcester for the Rock & Roll " },
        // "Rendezvous quot; for the docking techniques ..."
        { 5251, "quot; after a space", "Rendezvous\" for the docking techniques he developed while at MIT earning his PhD in astronautics. Lessig: Technology over ideology!" },
        // "can complete its  #36;367 million acquisition"
        { 4348, "#36; after a space", "TheDeal.com - Arch Wireless Inc. can complete its $367 million acquisition of Metrocall Holdings Inc." },
        // "what Congress has done  #151; and has not done  #151; this year."
        { 2911, "#151; read as Windows-1252", "AP - Highlights of what Congress has done — and has not done — this year." },
        // "Don #146;t let ... and we #146;ll pre-arrange"
        { 3405, "#146; read as Windows-1252", "Don’t let less-than-perfect credit prevent you from driving the car you want. Fill out a free loan application at Auto Net Financial and we’ll pre-arrange financing at a dealer near you." },
        // "a better iPod   hellip;. PeopleSoft ... live up to   hellip;. and more."
        { 2940, "hellip; after a space", "The company has no further expansion plans after buying a Chinese website. Also: Virgin joins quest for a better iPod  …. PeopleSoft makes promise that Oracle will live up to  …. and more." },
        // "Kroger Co. &lt;A HREF=\"http://www.investor.reuters.com/FullQuote.aspx?ticker=KR.N target=/stocks/quickinfo/fullquote\"&gt;KR.N&lt;/A&gt;, the largest"
        { 1356, "an escaped link", " NEW YORK (Reuters) - Kroger Co.  KR.N , the largest U.S.  grocer, on Tuesday reported a 25 percent drop in quarterly  profit, hurt by debt redemption costs." },
        // "Dell Inc. &lt;DELL.O&gt;, the world's" (a ticker in angle brackets, not a tag)
        { 39, "&lt; &gt; around a ticker", " HONG KONG (Reuters) - Dell Inc. <DELL.O>, the world's  largest PC maker, said on Monday it has left the low-end  consumer PC market in China and cut its overall growth target  for the country this year due to stiff competition in the  segment." },
        // "Sports India: Cricket  gt; Kanpur"
        { 5040, "gt; after a space", "Sports India: Cricket > Kanpur, Nov 22 : South Africa declared their first innings at 510 for nine on the third day of the first cricket Test against India here today." },
    };

    [Theory]
    [MemberData(nameof(DecodedTrainRows))]
    public void A_row_of_the_mini_split_reads_decoded(int index, string escape, string description)
    {
        Assert.True(Train.Value[index].Description == description, $"row {index} ({escape}): «{Train.Value[index].Description}»");
    }

    [Fact]
    public void Escaped_bold_markup_in_a_title_becomes_spaces()
    {
        // "Column: Alabama fans should take responsibility for their own &lt;b&gt;...&lt;/b&gt;"
        Assert.Equal("Column: Alabama fans should take responsibility for their own  ... ", Train.Value[3480].Title);
    }

    [Fact]
    public void The_quotes_of_a_test_row_read_as_curly_quotes()
    {
        // "Newsday #146;s Stephen Williams reports on seeing Sony #146;s NW-HD1 audio player in a store:  #147; #145;How #146;s it compare ..."
        Assert.StartsWith("Newsday’s Stephen Williams reports on seeing Sony’s NW-HD1 audio player in a store: “‘How’s it compare to the iPod?’ I asked a salesman.",
            Test.Value[22].Description);
        Assert.EndsWith("‘Battery life is a lot longer,’ he said.” Aug 17", Test.Value[22].Description);
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "AT&amp;T &lt;T.N&gt; rose", "AT&T <T.N> rose" },
        { "&amp;lt; is decoded once", "&lt; is decoded once" },
        { "&quot;no&quot; &#39;yes&#39; &#x2014; &#151; &hellip;", "\"no\" 'yes' — — …" },
        { "#39;Lost' opens", "'Lost' opens" },                                  // AG News's form at the start of a text
        { "he did not; she did", "he did not; she did" },                        // &not; is an entity, " not;" a word
        { "a copy; a part; and; or;", "a copy; a part; and; or;" },
        { "Order #100; shipped", "Order #100; shipped" },                        // a letter is never written as a reference
        { "Top #1; list", "Top #1; list" },                                      // nor a control character
        { "AT&T; S&P", "AT&T; S&P" },                                            // no such entity: unchanged
        { "&lt;B&gt;Oil&lt;/B&gt; &lt;font color=\"#666666\"&gt;x&lt;/font&gt;", " Oil   x " },
        { "&lt;br /&gt;", " " },
        { "no escape at all", "no escape at all" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decodes(string text, string decoded) => Assert.Equal(decoded, HtmlEscapes.Decode(text));

    [Fact]
    public void Own_data_is_decoded_as_it_is_read()
    {
        folder.Write("train.tsv", "label\ttext\nbiz\tJohnson  amp; Johnson #39;s profit\nsport\t&lt;b&gt;Goal&lt;/b&gt; in the  #151; last minute\n");
        folder.Write("test.tsv", "label\ttext\nbiz\tShares &amp; bonds\nsport\tA  quot;new quot; record\n");

        var data = OwnData.Load(folder.Path, new OwnDataOptions());

        Assert.Equal(["Johnson & Johnson's profit", " Goal  in the — last minute"], data.Train.Select(i => i.Title));
        Assert.Equal(["Shares & bonds", "A \"new\" record"], data.Test.Select(i => i.Title));
    }

    /// <summary>`lessons data` (the command line) and LessonData.Prepare (the notebooks) read the same decoded text:
    /// the command's token count is the notebooks' to the token, and both differ from the published bytes'.</summary>
    [Fact]
    public void The_command_line_and_the_notebooks_read_the_same_decoded_text()
    {
        var (exit, output, _) = DataCommandTests.Run("mini");
        Assert.Equal(0, exit);

        var notebook = LessonData.Prepare("mini");
        Assert.Equal(Train.Value, notebook.News.Train);
        Assert.Equal(Test.Value, notebook.News.Test);
        long notebookTokens = notebook.News.Train.Sum(i => BasicEnglishTokenizer.CountTokens(i.Text));
        long publishedTokens = RawTexts("train.csv").Sum(t => BasicEnglishTokenizer.CountTokens(t));
        Assert.Equal(258_116, notebookTokens);
        Assert.Equal(261_297, publishedTokens); // torchtext's count on the published bytes
        Assert.Matches($@"train\s*│\s*{notebookTokens:N0}\s*│", output);
        Assert.DoesNotContain(notebook.News.Train.Concat(notebook.News.Test), i => i.Text.Contains(" #39;") || i.Text.Contains("&lt;"));
    }

    /// <summary>The texts of a mini split file as published (title, space, description), escapes and all.</summary>
    internal static IEnumerable<string> RawTexts(string file)
    {
        using var reader = new StreamReader(Path.Combine(SharedData.Mini, file));
        foreach (var record in DelimitedRecords.Read(reader, file).ToList())
            yield return record.Fields[1] + " " + record.Fields[2];
    }
}
