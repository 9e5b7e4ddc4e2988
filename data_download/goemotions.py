"GoEmotions (Demszky et al. 2020), 27 emotions + neutral, from the authors' repository."
_BASE = 'https://raw.githubusercontent.com/google-research/google-research/master/goemotions/data/'
SPEC = dict(name='goemotions', kind='url', licence='CC BY 4.0',
            files=[dict(url=_BASE + f, file=f) for f in ('train.tsv', 'dev.tsv', 'test.tsv', 'emotions.txt', 'ekman_mapping.json')],
            layout='emotions.txt and train.tsv, dev.tsv, test.tsv (text, label ids, comment id)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='goemotions'))
