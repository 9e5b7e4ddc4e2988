"SAVEE (Surrey audio-visual expressed emotion), Kaggle copy (ejlok1/surrey-audiovisual-expressed-emotion-savee)."
SPEC = dict(name='savee', kind='kaggle', slug='ejlok1/surrey-audiovisual-expressed-emotion-savee',
            licence='free for research; register at the University of Surrey (Haq & Jackson 2009)',
            layout='ALL/DC_a01.wav … (or AudioData/DC/a01.wav)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='savee'))
