using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.AutoroutePart;
using ChuyenDe.Modules.Fields.BooleanField;
using ChuyenDe.Modules.Fields.ConsentPart;
using ChuyenDe.Modules.Fields.ContentPickerField;
using ChuyenDe.Modules.Fields.DateField;
using ChuyenDe.Modules.Fields.DateTimeField;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Fields.HtmlBodyPart;
using ChuyenDe.Modules.Fields.LinkField;
using ChuyenDe.Modules.Fields.MarkdownBodyPart;
using ChuyenDe.Modules.Fields.MediaField;
using ChuyenDe.Modules.Fields.NumericField;
using ChuyenDe.Modules.Fields.OrganizationPart;
using ChuyenDe.Modules.Fields.PublishLaterPart;
using ChuyenDe.Modules.Fields.TaxonomyField;
using ChuyenDe.Modules.Fields.TaxonomyPart;
using ChuyenDe.Modules.Fields.TextField;
using ChuyenDe.Modules.Fields.TitlePart;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>
/// The drivers' editors for reading and binding forms without a site: the services they use only to build editors or
/// check references (media library, content queries, taxonomies, organisations) are left out.
/// </summary>
internal static class FieldEditorsForTests
{
    public static IFieldEditors Create(IStringLocalizer<FieldsResources> t) => new FieldEditors(
        [
            new TextFieldDriver(t), new NumericFieldDriver(t), new BooleanFieldDriver(t), new DateFieldDriver(t), new DateTimeFieldDriver(t),
            new LinkFieldDriver(t), new MediaFieldDriver(null!, null!, null!, t), new ContentPickerFieldDriver(null!, null!, null!, t, null!, null!),
            new TaxonomyFieldDriver(null!, t),
        ],
        [
            new TitlePartDriver(t), new AutoroutePartDriver(t), new MarkdownBodyPartDriver(null!, t, null!), new HtmlBodyPartDriver(null!, t, null!),
            new PublishLaterPartDriver(t), new OrganizationPartDriver(null!, t), new TaxonomyPartDriver(t, null!), new ConsentPartDriver(t),
        ]);
}
