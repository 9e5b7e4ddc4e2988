"CREMA-D audio (91 actors) from Kaggle's mirror of the authors' GitHub release (ejlok1/cremad)."
SPEC = dict(name='crema_d', kind='kaggle', slug='ejlok1/cremad', licence='Open Database License (Cao et al. 2014)',
            layout='AudioWAV/1001_DFA_ANG_XX.wav …')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='crema_d'))
