using PdfSharp.Fonts;

namespace AgriLink.Web.Printing;

/// <summary>
/// The Chinese font printed notices embed (as a subset of the glyphs used). PDFsharp finds no font on Linux by itself, and
/// the usual Chinese fonts come as TrueType collections (.ttc) that it cannot read: the first face of the collection is
/// cut out as a plain TrueType font. Looked for at <c>Printing:FontPath</c> if set, then where Debian's
/// <c>fonts-wqy-microhei</c> or <c>fonts-wqy-zenhei</c> and Windows' 微软雅黑 or 宋体 install. OpenType fonts with CFF outlines
/// (Noto CJK, Source Han) are not usable by PDFsharp. Process-wide, because PDFsharp's resolver is.
/// </summary>
public static class PrintFont
{
    public const string Family = "AgriLinkCjk";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    private static readonly Lock Gate = new();
    private static byte[]? face;
    private static string? source;

    /// <summary>
    /// Installs the resolver once per process, with the first font found (<paramref name="configuredPath"/> first).
    /// False when there is none: printing is then refused with a problem that names the package to install.
    /// </summary>
    public static bool TryInstall(string? configuredPath, out string? path)
    {
        lock (Gate)
        {
            if (face is null)
            {
                foreach (var candidate in new[] { configuredPath }.Concat(Candidates))
                {
                    if (string.IsNullOrWhiteSpace(candidate) || !File.Exists(candidate)) continue;
                    face = TrueTypeCollection.FirstFace(File.ReadAllBytes(candidate));
                    source = candidate;
                    GlobalFontSettings.FontResolver = new Resolver(face);
                    break;
                }
            }
            path = source;
            return face is not null;
        }
    }

    private sealed class Resolver(byte[] face) : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            // The Chinese fonts have one weight: bold is drawn by PDFsharp's simulation.
            new(Family, bold, italic);

        public byte[] GetFont(string faceName) => face;
    }
}
