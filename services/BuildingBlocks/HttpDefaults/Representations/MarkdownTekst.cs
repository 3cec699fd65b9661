using System.Text;
using System.Text.Encodings.Web;

namespace RobuustOD.HttpDefaults.Representations;

/// <summary>
/// Text from the data inside Markdown: &lt;, &gt; and &amp; become the entities <c>&amp;lt;</c>, <c>&amp;gt;</c> and
/// <c>&amp;amp;</c>, which every Markdown renderer (CommonMark, GFM, the original) shows as the characters themselves,
/// so that no value can become raw HTML downstream. Nothing else changes: Markdown in the data keeps its meaning, as it
/// does in the HTML letter. Markdig decodes the entities once, so the HTML letter shows them escaped once.
/// </summary>
public static class MarkdownTekst
{
    /// <summary>The encoder Fluid applies to the output of every <c>{{ }}</c> in a letter template (after its filters).</summary>
    public static TextEncoder Encoder { get; } = new MarkdownEncoder();

    /// <summary>Writes scalars as they are, except the three characters that would start HTML in Markdown.</summary>
    private sealed class MarkdownEncoder : TextEncoder
    {
        public override int MaxOutputCharactersPerInputCharacter => 5; // "&amp;"

        public override bool WillEncode(int unicodeScalar) => unicodeScalar is '<' or '>' or '&';

        public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
            new ReadOnlySpan<char>(text, textLength).IndexOfAny('<', '>', '&');

        public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
        {
            var doel = new Span<char>(buffer, bufferLength);
            var entiteit = unicodeScalar switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => null,
            };
            if (entiteit is not null)
            {
                numberOfCharactersWritten = entiteit.TryCopyTo(doel) ? entiteit.Length : 0;
                return numberOfCharactersWritten > 0;
            }

            if (Rune.TryCreate(unicodeScalar, out var teken) && teken.TryEncodeToUtf16(doel, out numberOfCharactersWritten))
            {
                return true;
            }

            numberOfCharactersWritten = 0;
            return false;
        }
    }
}
