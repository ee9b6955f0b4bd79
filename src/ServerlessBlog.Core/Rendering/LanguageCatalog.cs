using ColorCode;
using ColorCode.Common;

namespace ServerlessBlog.Core.Rendering;

/// <summary>ColorCode's own languages, for the parser that highlights code (ColorCode keeps its repository internal).</summary>
internal sealed class LanguageCatalog : ILanguageRepository
{
    public IEnumerable<ILanguage> All => Languages.All;

    public ILanguage FindById(string languageId) => Languages.FindById(languageId);

    public void Load(ILanguage language) => Languages.Load(language);
}
