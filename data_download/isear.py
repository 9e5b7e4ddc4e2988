"ISEAR (International Survey on Emotion Antecedents and Reactions): distributed by the University of Geneva."
SPEC = dict(name='isear', kind='manual', licence='research use (Scherer & Wallbott 1994)',
            how='Download the ISEAR databank from the Swiss Center for Affective Sciences (unige.ch/cisa, research materials) and export it to CSV.',
            layout='isear.csv with columns ID, Field1 (emotion), SIT (situation); or a headerless emotion,text CSV')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='isear'))
