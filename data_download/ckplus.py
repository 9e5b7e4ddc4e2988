"CK+ (extended Cohn-Kanade): licensed per user."
SPEC = dict(name='ckplus', kind='manual', licence='per-user agreement, non-commercial research (Lucey et al. 2010)',
            how='Ask for it with the agreement form at https://www.jeffcohn.net/Resources/ .',
            layout='cohn-kanade-images/S005/001/*.png and Emotion/S005/001/*_emotion.txt (or per-class folders such as CK+48/anger/)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='ckplus'))
