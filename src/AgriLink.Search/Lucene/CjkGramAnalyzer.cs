using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace AgriLink.Search.Lucene;

/// <summary>
/// Han text as overlapping bigrams (盘州刺梨 → 盘州 州刺 刺梨), Latin words lower-cased. SmartCn alone splits local names
/// (盘州 → 盘 | 州); bigrams keep every two-character name whole. The index side also keeps single characters
/// (<paramref name="unigrams"/>) so a one-character query (茶, 鸡) still finds something; queries use bigrams only.
/// </summary>
internal sealed class CjkGramAnalyzer(bool unigrams) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneListingSearch.Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(LuceneListingSearch.Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, unigrams);
        return new TokenStreamComponents(source, stream);
    }
}
