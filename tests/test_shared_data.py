"Loader counts on the real corpora in ../shared/data equal those its README states."
import pytest
from conftest import DATA, needs
from emo_nb.data import load_ravdess, load_fer2013, load_dair_emotion, load_goemotions, load_crema_d

@needs('ravdess')
def test_ravdess_counts():
    df = load_ravdess(DATA/'ravdess')
    assert len(df) == 1080 and df.speaker.nunique() == 18
    assert (df.groupby('speaker').size() == 60).all()
    counts = df.label.value_counts()
    assert counts['neutral'] == 4 * 18 and (counts.drop('neutral') == 8 * 18).all()

@needs('fer2013')
def test_fer2013_counts():
    df = load_fer2013(DATA/'fer2013')
    assert df.groupby('split').size().to_dict() == {'Training': 28709, 'PublicTest': 3589}
    train = df[df.split == 'Training'].corpus_label.value_counts().to_dict()
    assert train == dict(angry=3995, disgust=436, fear=4097, happy=7215, neutral=4965, sad=4830, surprise=3171)

@needs('text/dair_emotion')
def test_dair_counts():
    df = load_dair_emotion(DATA/'text'/'dair_emotion')
    assert df.groupby('split').size().to_dict() == {'train': 16000, 'val': 2000}
    assert set(df.corpus_label) == {'sadness', 'joy', 'love', 'anger', 'fear', 'surprise'}

@needs('text/goemotions')
@pytest.mark.parametrize('taxonomy,corpus', [('ekman', 'goemotions_ekman'), ('original', 'goemotions')])
def test_goemotions_counts(taxonomy, corpus):
    df = load_goemotions(DATA/'text'/'goemotions'/taxonomy)
    assert df.groupby('split').size().to_dict() == {'train': 43410, 'dev': 5426}
    assert (df.corpus == corpus).all() and df.label.notna().sum() > 40000

@needs('av/crema-d')
def test_crema_d_clips():
    df = load_crema_d(DATA/'av'/'crema-d')
    assert len(df) == 12 and set(df.speaker) == {1001, 1002}
