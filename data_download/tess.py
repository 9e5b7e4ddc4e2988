"TESS (Toronto emotional speech set) from Kaggle (ejlok1/toronto-emotional-speech-set-tess)."
SPEC = dict(name='tess', kind='kaggle', slug='ejlok1/toronto-emotional-speech-set-tess',
            licence='CC BY-NC-ND 4.0 (Pichora-Fuller & Dupuis 2020)', layout='OAF_angry/OAF_back_angry.wav …')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='tess'))
