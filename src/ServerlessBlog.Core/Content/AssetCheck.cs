using System.Xml;
using ServerlessBlog.Core.Rendering;

namespace ServerlessBlog.Core.Content;

/// <summary>
/// Refuses assets a browser would open as an active document of the site's own origin, where their script would run
/// with the site's rights: HTML and XML files, and SVG images with script, event handlers, embedded HTML or
/// script URLs. A static website cannot send a Content-Security-Policy, so such files are not published at all.
/// Images, documents and downloads of every other type are published as uploaded.
/// </summary>
public static class AssetCheck
{
    private const string SvgExtension = ".svg";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly HashSet<string> DocumentExtensions =
        new([".html", ".htm", ".xhtml", ".xht", ".xml", ".xsl", ".xslt"], StringComparer.OrdinalIgnoreCase);

    // Elements that run script or embed a document of their own; SVG has no other way to.
    private static readonly HashSet<string> ActiveElements =
        new(["script", "foreignObject", "handler", "listener", "iframe", "embed", "object"], StringComparer.OrdinalIgnoreCase);

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        // A DTD can declare entities that smuggle markup past this check, or expand without end: refuse it.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>Throws when the asset at <paramref name="path"/> must not be published.</summary>
    /// <exception cref="ContentException">The asset would run script as a page of the site.</exception>
    public static void Check(string path, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (DocumentExtensions.Contains(extension))
        {
            throw new ContentException($"a {extension} file would open as a page of the site, able to run script; it is not published (write a post instead)");
        }

        if (string.Equals(extension, SvgExtension, StringComparison.OrdinalIgnoreCase))
        {
            CheckSvg(content);
        }
    }

    private static void CheckSvg(ReadOnlyMemory<byte> content)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        var info = (IXmlLineInfo)reader;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.ProcessingInstruction:
                        // <?xml-stylesheet?> can apply an XSLT that writes script.
                        throw Refuse($"the SVG has a processing instruction <?{reader.Name}?>", info);
                    case XmlNodeType.Element:
                        CheckElement(reader, info);
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new ContentException($"the SVG is not well-formed XML: {ex.Message}", ex.LineNumber, ex);
        }
    }

    private static void CheckElement(XmlReader reader, IXmlLineInfo info)
    {
        if (ActiveElements.Contains(reader.LocalName) || reader.NamespaceURI == XhtmlNamespace)
        {
            throw Refuse($"the SVG has a <{reader.Name}> element, which can run script", info);
        }

        while (reader.MoveToNextAttribute())
        {
            if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || (reader.LocalName == "attributeName" && reader.Value.Trim().StartsWith("on", StringComparison.OrdinalIgnoreCase)))
            {
                throw Refuse($"the SVG has an event handler in '{reader.Name}'", info);
            }

            // href, and the values animation elements set (<set attributeName="href" to="javascript:...">).
            if (!reader.Value.Contains(':', StringComparison.Ordinal) || reader.Prefix == "xmlns" || reader.Name == "xmlns")
            {
                continue;
            }

            if (reader.LocalName is "href" or "to" or "from" or "values" or "by" && !reader.Value.Split(';').All(SafeUrl.IsSafe))
            {
                throw Refuse($"the SVG has a script or data URL in '{reader.Name}'", info);
            }
        }

        reader.MoveToElement();
    }

    private static ContentException Refuse(string reason, IXmlLineInfo info) =>
        new($"{reason}; such images are not published (remove it, or export the image again without it)", info.LineNumber);
}
