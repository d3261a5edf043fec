using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lessons.Notebooks;

/// <summary>Displays a value in the running notebook cell (a chart, a table); does nothing outside a notebook.</summary>
public static class Show
{
    public static void Value(object value)
    {
        if (KernelInvocationContext.Current is not null) value.Display();
    }
}
