"MELD (multimodal EmotionLines, Friends dialogues): the utterance tables from the authors' repository."
_BASE = 'https://raw.githubusercontent.com/declare-lab/MELD/master/data/MELD/'
SPEC = dict(name='meld', kind='url', licence='GPL-3.0 (Poria et al. 2019)',
            files=[dict(url=_BASE + f, file=f) for f in ('train_sent_emo.csv', 'dev_sent_emo.csv', 'test_sent_emo.csv')],
            layout='train_sent_emo.csv, dev_sent_emo.csv, test_sent_emo.csv (the video clips are in MELD.Raw.tar.gz, 10 GB)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='meld'))
