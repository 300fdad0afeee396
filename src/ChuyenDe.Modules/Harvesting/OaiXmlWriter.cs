using System.Globalization;
using System.Text;
using System.Xml;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// Writes OAI-PMH 2.0 answers with an <see cref="XmlWriter"/>: UTF-8 without a byte-order mark, every text normalised to
/// NFC and stripped of characters XML cannot carry, the namespaces and <c>xsi:schemaLocation</c> of the OAI-PMH,
/// oai-identifier and oai_dc schemas, elements in the schemas' order.
/// </summary>
public sealed class OaiXmlWriter : IDisposable
{
    public const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";
    public const string OaiSchema = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string OaiDcNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string OaiDcSchema = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    public const string DcNamespace = "http://purl.org/dc/elements/1.1/";
    public const string OaiIdentifierNamespace = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    public const string OaiIdentifierSchema = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd";

    private readonly MemoryStream _stream = new();
    private readonly XmlWriter _xml;

    /// <summary>Starts the answer: the root element, <c>responseDate</c> and <c>request</c> (its attributes the legal arguments, or none).</summary>
    public OaiXmlWriter(DateTime responseDateUtc, string baseUrl, IReadOnlyList<KeyValuePair<string, string>> requestAttributes)
    {
        _xml = XmlWriter.Create(_stream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            CheckCharacters = true,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("OAI-PMH", OaiNamespace);
        _xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        _xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, OaiNamespace + " " + OaiSchema);
        Element("responseDate", Datestamp(responseDateUtc));
        _xml.WriteStartElement("request", OaiNamespace);
        foreach (var (name, value) in requestAttributes)
        {
            _xml.WriteAttributeString(name, Clean(value));
        }

        _xml.WriteString(Clean(baseUrl));
        _xml.WriteEndElement();
    }

    /// <summary>A datestamp at the repository's granularity, <c>YYYY-MM-DDThh:mm:ssZ</c>.</summary>
    public static string Datestamp(DateTime utc)
        => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Text as it goes into the answer: NFC, without the characters XML 1.0 cannot carry.</summary>
    public static string Clean(string value)
    {
        // Characters XML cannot carry (controls, lone surrogates) go first: normalising refuses lone surrogates.
        var valid = value;
        if (!value.All(XmlConvert.IsXmlChar))
        {
            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (XmlConvert.IsXmlChar(value[i]))
                {
                    builder.Append(value[i]);
                }
                else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
                {
                    builder.Append(value[i]).Append(value[i + 1]);
                    i++;
                }
            }

            valid = builder.ToString();
        }

        return valid.IsNormalized(NormalizationForm.FormC) ? valid : valid.Normalize(NormalizationForm.FormC);
    }

    public void Error(OaiError error)
    {
        _xml.WriteStartElement("error", OaiNamespace);
        _xml.WriteAttributeString("code", error.Code);
        _xml.WriteString(Clean(error.Message));
        _xml.WriteEndElement();
    }

    public void Start(string name) => _xml.WriteStartElement(name, OaiNamespace);

    public void End() => _xml.WriteEndElement();

    public void Element(string name, string value)
    {
        _xml.WriteStartElement(name, OaiNamespace);
        _xml.WriteString(Clean(value));
        _xml.WriteEndElement();
    }

    /// <summary>The <c>oai-identifier</c> description of Identify.</summary>
    public void OaiIdentifier(string repositoryIdentifier, string sampleIdentifier)
    {
        _xml.WriteStartElement("oai-identifier", OaiIdentifierNamespace);
        _xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, OaiIdentifierNamespace + " " + OaiIdentifierSchema);
        foreach (var (name, value) in new[] { ("scheme", "oai"), ("repositoryIdentifier", repositoryIdentifier), ("delimiter", ":"), ("sampleIdentifier", sampleIdentifier) })
        {
            _xml.WriteStartElement(name, OaiIdentifierNamespace);
            _xml.WriteString(Clean(value));
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    public void Header(string identifier, OaiHeader header, IReadOnlyList<string> setSpecs)
    {
        _xml.WriteStartElement("header", OaiNamespace);
        if (header.Deleted)
        {
            _xml.WriteAttributeString("status", "deleted");
        }

        Element("identifier", identifier);
        Element("datestamp", Datestamp(header.DatestampUtc));
        foreach (var spec in setSpecs)
        {
            Element("setSpec", spec);
        }

        _xml.WriteEndElement();
    }

    /// <summary>The <c>metadata</c> element holding an <c>oai_dc:dc</c> record.</summary>
    public void DublinCore(IReadOnlyList<DublinCoreElement> elements)
    {
        _xml.WriteStartElement("metadata", OaiNamespace);
        _xml.WriteStartElement("oai_dc", "dc", OaiDcNamespace);
        _xml.WriteAttributeString("xmlns", "dc", null, DcNamespace);
        _xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, OaiDcNamespace + " " + OaiDcSchema);
        foreach (var element in elements)
        {
            _xml.WriteStartElement("dc", element.Name, DcNamespace);
            _xml.WriteString(Clean(element.Value));
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>A resumption token with its attributes; an empty one (the last page of a list) when <paramref name="token"/> is null.</summary>
    public void ResumptionToken(string? token, DateTime? expiresUtc, int completeListSize, int cursor)
    {
        _xml.WriteStartElement("resumptionToken", OaiNamespace);
        if (token is not null && expiresUtc is { } expires)
        {
            _xml.WriteAttributeString("expirationDate", Datestamp(expires));
        }

        _xml.WriteAttributeString("completeListSize", completeListSize.ToString(CultureInfo.InvariantCulture));
        _xml.WriteAttributeString("cursor", cursor.ToString(CultureInfo.InvariantCulture));
        if (token is not null)
        {
            _xml.WriteString(token);
        }

        _xml.WriteEndElement();
    }

    /// <summary>Closes the answer and returns its bytes.</summary>
    public byte[] Finish()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
    }
}
