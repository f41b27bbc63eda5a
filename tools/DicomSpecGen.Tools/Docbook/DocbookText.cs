using System.Text;

namespace DicomSpecGen.Tools.Docbook;

/// <summary>Text cleanup for the standard's DocBook XML (see shared/reference/SOURCES.md): the 2013 files carry
/// zero-width spaces (U+200B) and soft hyphens (U+00AD), often inside UIDs, and non-breaking spaces.</summary>
public static class DocbookText
{
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u00AD' or '\uFEFF') continue;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
