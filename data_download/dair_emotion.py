"dair-ai emotion (Saravia et al. 2018) as text;label files, from Kaggle (praveengovi/emotions-dataset-for-nlp)."
SPEC = dict(name='dair_emotion', kind='kaggle', slug='praveengovi/emotions-dataset-for-nlp',
            licence='research and educational use', layout='train.txt, val.txt, test.txt (text;label per line)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='dair_emotion'))
