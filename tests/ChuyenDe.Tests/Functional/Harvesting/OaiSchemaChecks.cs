using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChuyenDe.Tests.Functional.Harvesting;

/// <summary>
/// The essential structure of the OAI-PMH 2.0 schema (OAI-PMH.xsd), of the oai-identifier description and of oai_dc,
/// written out as checks: namespaces, <c>xsi:schemaLocation</c>, the order and multiplicity of elements, the formats of
/// datestamps, set specs and resumption token attributes, and text in NFC.
/// </summary>
public static partial class OaiSchemaChecks
{
    public static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace OaiIdentifier = "http://www.openarchives.org/OAI/2.0/oai-identifier";

    private static readonly string[] DcElements =
    [
        "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format", "identifier",
        "source", "language", "relation", "coverage", "rights",
    ];

    private static readonly string[] Verbs = ["Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords"];

    private static readonly string[] ErrorCodes =
    [
        "cannotDisseminateFormat", "idDoesNotExist", "badArgument", "badVerb", "noMetadataFormats", "noRecordsMatch",
        "badResumptionToken", "noSetHierarchy",
    ];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    public static partial Regex UtcSeconds();

    [GeneratedRegex(@"^([A-Za-z0-9\-_.!~*'()])+(:[A-Za-z0-9\-_.!~*'()]+)*$")]
    public static partial Regex SetSpec();

    /// <summary>Checks a whole answer; fails with the path of the first element out of place.</summary>
    public static void Check(XDocument document)
    {
        var root = document.Root!;
        Assert.Equal(Oai + "OAI-PMH", root.Name);
        Assert.Equal("http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd", (string?)root.Attribute(Xsi + "schemaLocation"));
        var children = root.Elements().ToList();
        Assert.True(children.Count >= 3, "OAI-PMH holds responseDate, request and the verb's element or errors");
        Assert.Equal(Oai + "responseDate", children[0].Name);
        Assert.Matches(UtcSeconds(), children[0].Value);
        Assert.Equal(Oai + "request", children[1].Name);
        Assert.StartsWith("http", children[1].Value);
        foreach (var attribute in children[1].Attributes())
        {
            Assert.Contains(attribute.Name.LocalName, new[] { "verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken" });
            Assert.Equal(XNamespace.None, attribute.Name.Namespace);
        }

        var rest = children.Skip(2).ToList();
        if (rest[0].Name == Oai + "error")
        {
            Assert.All(rest, e =>
            {
                Assert.Equal(Oai + "error", e.Name);
                Assert.Contains((string?)e.Attribute("code"), ErrorCodes);
            });
        }
        else
        {
            Assert.Single(rest);
            Assert.Equal(Oai, rest[0].Name.Namespace);
            Assert.Contains(rest[0].Name.LocalName, Verbs);
            Assert.Equal(rest[0].Name.LocalName, (string?)children[1].Attribute("verb"));
            CheckVerb(rest[0]);
        }

        foreach (var text in document.DescendantNodes().OfType<XText>())
        {
            Assert.True(text.Value.IsNormalized(NormalizationForm.FormC), "text in NFC: " + text.Value);
        }
    }

    private static void Order(XElement parent, params (string Name, int Min, int Max)[] sequence)
    {
        var elements = parent.Elements().ToList();
        var index = 0;
        foreach (var (name, min, max) in sequence)
        {
            var count = 0;
            while (index < elements.Count && elements[index].Name == Oai + name)
            {
                index++;
                count++;
            }

            Assert.True(count >= min && count <= max, $"{parent.Name.LocalName}: {count} × {name}, expected {min}..{max}");
        }

        Assert.True(index == elements.Count, $"{parent.Name.LocalName}: unexpected {(index < elements.Count ? elements[index].Name.ToString() : "")}");
    }

    private static void CheckVerb(XElement verb)
    {
        switch (verb.Name.LocalName)
        {
            case "Identify":
                Order(verb, ("repositoryName", 1, 1), ("baseURL", 1, 1), ("protocolVersion", 1, 1), ("adminEmail", 1, int.MaxValue),
                    ("earliestDatestamp", 1, 1), ("deletedRecord", 1, 1), ("granularity", 1, 1), ("compression", 0, int.MaxValue),
                    ("description", 0, int.MaxValue));
                Assert.Equal("2.0", verb.Element(Oai + "protocolVersion")!.Value);
                Assert.Contains(verb.Element(Oai + "deletedRecord")!.Value, new[] { "no", "persistent", "transient" });
                Assert.Contains(verb.Element(Oai + "granularity")!.Value, new[] { "YYYY-MM-DD", "YYYY-MM-DDThh:mm:ssZ" });
                Assert.Matches(UtcSeconds(), verb.Element(Oai + "earliestDatestamp")!.Value);
                foreach (var description in verb.Elements(Oai + "description"))
                {
                    var content = Assert.Single(description.Elements());
                    if (content.Name == OaiIdentifier + "oai-identifier")
                    {
                        Assert.Equal("http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd",
                            (string?)content.Attribute(Xsi + "schemaLocation"));
                        Assert.Equal(new[] { "scheme", "repositoryIdentifier", "delimiter", "sampleIdentifier" },
                            content.Elements().Select(e => e.Name == OaiIdentifier + e.Name.LocalName ? e.Name.LocalName : e.Name.ToString()));
                    }
                }

                break;
            case "ListMetadataFormats":
                Order(verb, ("metadataFormat", 1, int.MaxValue));
                foreach (var format in verb.Elements())
                {
                    Order(format, ("metadataPrefix", 1, 1), ("schema", 1, 1), ("metadataNamespace", 1, 1));
                }

                break;
            case "ListSets":
                Order(verb, ("set", 1, int.MaxValue), ("resumptionToken", 0, 1));
                foreach (var set in verb.Elements(Oai + "set"))
                {
                    Order(set, ("setSpec", 1, 1), ("setName", 1, 1), ("setDescription", 0, int.MaxValue));
                    Assert.Matches(SetSpec(), set.Element(Oai + "setSpec")!.Value);
                }

                break;
            case "GetRecord":
                Order(verb, ("record", 1, 1));
                CheckRecord(verb.Element(Oai + "record")!);
                break;
            case "ListIdentifiers":
                Order(verb, ("header", 1, int.MaxValue), ("resumptionToken", 0, 1));
                foreach (var header in verb.Elements(Oai + "header"))
                {
                    CheckHeader(header);
                }

                CheckToken(verb.Element(Oai + "resumptionToken"));
                break;
            case "ListRecords":
                Order(verb, ("record", 1, int.MaxValue), ("resumptionToken", 0, 1));
                foreach (var record in verb.Elements(Oai + "record"))
                {
                    CheckRecord(record);
                }

                CheckToken(verb.Element(Oai + "resumptionToken"));
                break;
        }
    }

    private static void CheckHeader(XElement header)
    {
        Order(header, ("identifier", 1, 1), ("datestamp", 1, 1), ("setSpec", 0, int.MaxValue));
        Assert.Matches(UtcSeconds(), header.Element(Oai + "datestamp")!.Value);
        Assert.Matches(@"^oai:[A-Za-z0-9.\-]+:\S+$", header.Element(Oai + "identifier")!.Value);
        foreach (var spec in header.Elements(Oai + "setSpec"))
        {
            Assert.Matches(SetSpec(), spec.Value);
        }

        foreach (var attribute in header.Attributes())
        {
            Assert.Equal("status", attribute.Name.LocalName);
            Assert.Equal("deleted", attribute.Value);
        }
    }

    private static void CheckRecord(XElement record)
    {
        var header = record.Element(Oai + "header")!;
        var deleted = (string?)header.Attribute("status") == "deleted";
        Order(record, ("header", 1, 1), ("metadata", deleted ? 0 : 1, deleted ? 0 : 1), ("about", 0, int.MaxValue));
        CheckHeader(header);
        if (record.Element(Oai + "metadata") is { } metadata)
        {
            var dc = Assert.Single(metadata.Elements());
            Assert.Equal(OaiDc + "dc", dc.Name);
            Assert.Equal("http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd", (string?)dc.Attribute(Xsi + "schemaLocation"));
            Assert.All(dc.Elements(), e =>
            {
                Assert.Equal(Dc, e.Name.Namespace);
                Assert.Contains(e.Name.LocalName, DcElements);
                Assert.False(e.HasElements);
            });
        }
    }

    private static void CheckToken(XElement? token)
    {
        if (token is null)
        {
            return;
        }

        Assert.Matches(@"^\d+$", (string?)token.Attribute("completeListSize") ?? "0");
        Assert.Matches(@"^\d+$", (string?)token.Attribute("cursor") ?? "0");
        if (token.Value.Length > 0)
        {
            Assert.Matches(UtcSeconds(), (string?)token.Attribute("expirationDate") ?? "");
        }
    }
}
