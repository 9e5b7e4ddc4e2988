"FER2013 in Kaggle's folder layout (msambare/fer2013); the ICML 2013 challenge's fer2013.csv also loads."
SPEC = dict(name='fer2013', kind='kaggle', slug='msambare/fer2013',
            licence='research use, ICML 2013 representation-learning challenge (Goodfellow et al. 2013)',
            layout='train/<class>/Training_*.jpg, test/<class>/PublicTest_*.jpg and PrivateTest_*.jpg (or fer2013.csv)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='fer2013'))
