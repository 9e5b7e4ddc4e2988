"EmoDB (Berlin database of emotional speech) from its authors' site."
SPEC = dict(name='emodb', kind='url', licence='free for research (Burkhardt et al. 2005)',
            files=[dict(url='http://emodb.bilderbar.info/download/download.zip', file='emodb.zip', unpack=True)],
            layout='wav/03a01Fa.wav …')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='emodb'))
